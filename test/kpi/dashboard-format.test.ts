// How the H5 dashboard writes a figure and its change: the arrow's colour says whether the change is good.
import { describe, expect, it } from 'vitest';
import { figureChange, figureValue, routeOf } from '../../src/h5/dashboard-format.ts';

describe('dashboard figure text', () => {
  it('colours a rise in timeliness good and a rise in open alerts bad', () => {
    expect(figureChange({ change: 3.2, unit: '%', better: 'up' })).toEqual({ text: '▲ 3.2 个百分点', tone: 'good' });
    expect(figureChange({ change: 4, unit: '人', better: 'down' })).toEqual({ text: '▲ 4 人', tone: 'bad' });
    expect(figureChange({ change: -2, unit: '件', better: 'down' })).toEqual({ text: '▼ 2 件', tone: 'good' });
    expect(figureChange({ change: null, unit: '%', better: 'up' }).text).toBe('上月无数据');
  });

  it('writes nothing to measure as a dash and maps API links to H5 routes', () => {
    expect(figureValue({ value: null, unit: '%' })).toBe('—');
    expect(figureValue({ value: 91.9, unit: '%' })).toBe('91.9%');
    expect(routeOf('/app/enrolment/pending')).toBe('/enrolment/pending');
  });
});
