import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesceRecordChanges } from '@/entrypoints/panel/record-changes';

describe('coalesceRecordChanges', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows a change after a quiet spell at once', () => {
    const apply = vi.fn();
    const changes = coalesceRecordChanges(apply, 250, () => Date.now());
    changes.changed();
    expect(apply).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    changes.changed();
    expect(apply).toHaveBeenCalledTimes(2);
  });

  it('folds 40 changes 60 ms apart into the first and one more once the page is quiet', () => {
    const apply = vi.fn();
    const changes = coalesceRecordChanges(apply, 250, () => Date.now());
    for (let i = 0; i < 40; i++) {
      changes.changed();
      vi.advanceTimersByTime(60);
    }
    expect(apply).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(250);
    expect(apply).toHaveBeenCalledTimes(2);
  });

  it('drops a pending change when stopped', () => {
    const apply = vi.fn();
    const changes = coalesceRecordChanges(apply, 250, () => Date.now());
    changes.changed();
    changes.changed();
    changes.stop();
    vi.advanceTimersByTime(1000);
    expect(apply).toHaveBeenCalledTimes(1);
  });
});
