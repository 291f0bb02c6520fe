import { describe, expect, it } from 'vitest';
import { fromDingtalkRecord, fromWecomCheckin } from '../../src/domain/attendance/platform-records.ts';

describe('platform attendance records', () => {
  it('maps WeCom exception_type to flags, and 未打卡 to not_signed', () => {
    const r = fromWecomCheckin({ userid: 'lisi', checkin_type: '上班打卡', exception_type: '时间异常;地点异常;wifi异常', checkin_time: 1_791_430_200 });
    expect(r).toEqual({ platform: 'wecom', userId: 'lisi', sourceId: 'lisi:1791430200:上班打卡', at: new Date(1_791_430_200_000), kind: '上班', flags: ['time', 'location'] });
    expect(fromWecomCheckin({ userid: 'lisi', checkin_type: '下班打卡', exception_type: '未打卡', checkin_time: 1 }).flags).toEqual(['not_signed']);
    expect(fromWecomCheckin({ userid: 'lisi', checkin_type: '外出打卡', exception_type: '', checkin_time: 1 }).kind).toBe('外出');
  });

  it('maps DingTalk timeResult/locationResult, and gives the list row and the event the same sourceId', () => {
    const listed = fromDingtalkRecord({ userId: 'u1', checkType: 'OnDuty', timeResult: 'Late', locationResult: 'Outside', userCheckTime: 1_791_430_200_000 });
    const event = fromDingtalkRecord({ userId: 'u1', checkTime: 1_791_430_200_000, locationResult: 'Normal' });
    expect(listed).toMatchObject({ kind: '上班', flags: ['time', 'location'], sourceId: 'u1:1791430200000' });
    expect(event).toMatchObject({ kind: '打卡', flags: [], sourceId: 'u1:1791430200000' });
    expect(fromDingtalkRecord({ userId: 'u1', checkType: 'OffDuty', timeResult: 'NotSigned', userCheckTime: 5 })?.flags).toEqual(['not_signed']);
    expect(fromDingtalkRecord({ userId: 'u1' })).toBeUndefined();
  });
});
