import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SocialView } from '@/components/social/SocialView';
import { nameDocument } from '@/lib/i18n';
import { sendMessage } from '@/lib/messages/client';
import '@/components/theme.css';
import '@/components/panel/panel.css';
import '@/components/panel/post-body.css';
import '@/components/social/social.css';

/** The address of the tab the rep is in, followed as they switch tabs or move within one. */
function useActiveTabUrl(): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const look = () =>
      browser.tabs.query({ active: true, currentWindow: true }).then(
        ([tab]) => setUrl(tab?.url ?? null),
        () => setUrl(null),
      );
    void look();
    const onActivated = () => void look();
    const onUpdated = (_id: number, change: { url?: string }) => {
      if (change.url) void look();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  return url;
}

function SidePanel() {
  return <SocialView send={sendMessage} tabUrl={useActiveTabUrl()} />;
}

nameDocument(document, 'socialTitle');
render(<SidePanel />, document.getElementById('app') as HTMLElement);
