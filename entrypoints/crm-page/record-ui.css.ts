/** Styles inside the icon's closed shadow root; the CRM's CSS cannot reach them. */
export const recordUiCss = `
.x-icon {
  display: inline-flex; align-items: center; justify-content: center;
  width: 24px; height: 24px; margin: 0 0 0 8px; padding: 0; vertical-align: middle;
  border: 1px solid #cfd9de; border-radius: 50%; background: #000; color: #fff; cursor: pointer;
}
.x-icon:hover { background: #272c30; }
.x-icon:focus-visible { outline: 3px solid #1d9bf0; outline-offset: 2px; }
.x-icon svg { width: 12px; height: 12px; fill: currentColor; }
:host([data-floating]) .x-icon {
  position: fixed; right: 20px; bottom: 20px; width: 44px; height: 44px; margin: 0;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.3); z-index: 2147483646;
}
:host([data-floating]) .x-icon svg { width: 18px; height: 18px; }
.x-panel {
  position: fixed; top: 64px; right: 16px; width: 380px; height: min(640px, calc(100vh - 80px));
  border: 1px solid #cfd9de; border-radius: 12px; background: #fff;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.25); z-index: 2147483647;
}
.x-panel[hidden] { display: none; }
`;
