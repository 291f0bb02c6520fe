// 2026-12-06 22:45 UTC is 2026-12-07 06:45 in Beijing: every date shown is the Shanghai one,
// in the H5 (whatever the browser's zone) and on the server (cards, lists, 变更记录).
import { describe, expect, it } from 'vitest';
import { formatDateTime, dayIn } from '../../src/domain/dates.ts';
import { shanghaiDate, shanghaiDateTime, shanghaiTime } from '../../src/h5/format-time.ts';

const lateEvening = '2026-12-06T22:45:00.000Z';

describe('times shown in Asia/Shanghai', () => {
  it('gives the next day in the H5 formatter at 22:45 UTC', () => {
    expect(shanghaiDate(lateEvening)).toBe('2026-12-07');
    expect(shanghaiTime(lateEvening)).toBe('06:45');
    expect(shanghaiDateTime(lateEvening)).toBe('2026-12-07 06:45');
  });

  it('gives the same day and time on the server', () => {
    expect(dayIn('Asia/Shanghai', new Date(lateEvening))).toBe('2026-12-07');
    expect(formatDateTime('Asia/Shanghai', new Date(lateEvening))).toBe('2026-12-07 06:45');
  });
});
