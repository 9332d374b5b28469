import { describe, expect, it } from 'vitest';
import {
  formatChineseDate,
  isoDay,
  isoShanghai,
  parseContentDate,
  yearOf,
} from '../../src/lib/dates';

const at = (s: string) => {
  const r = parseContentDate(s);
  if (!r.ok) throw new Error(`${s}: ${r.reason}`);
  return r.date;
};

describe('parseContentDate', () => {
  it('reads a day as midnight in Beijing', () => {
    expect(at('2015-03-24').toISOString()).toBe('2015-03-23T16:00:00.000Z');
  });
  it('reads times with +08:00, Z, another offset, and without a zone (Beijing)', () => {
    expect(at('2015-03-24T09:30:00+08:00').toISOString()).toBe('2015-03-24T01:30:00.000Z');
    expect(at('2015-03-24T09:30:00Z').toISOString()).toBe('2015-03-24T09:30:00.000Z');
    expect(at('2015-03-24T09:30:00-05:00').toISOString()).toBe('2015-03-24T14:30:00.000Z');
    expect(at('2015-03-24 09:30').toISOString()).toBe('2015-03-24T01:30:00.000Z');
    expect(at('  2015-03-24  ').toISOString()).toBe('2015-03-23T16:00:00.000Z');
  });
  it('rejects days that do not exist, with the reason', () => {
    expect(parseContentDate('2015-02-30')).toEqual({ ok: false, reason: 'day' });
    expect(parseContentDate('2015-02-29')).toEqual({ ok: false, reason: 'day' });
    expect(parseContentDate('2016-02-29').ok).toBe(true);
    expect(parseContentDate('2015-04-31')).toEqual({ ok: false, reason: 'day' });
    expect(parseContentDate('2015-00-10')).toEqual({ ok: false, reason: 'month' });
    expect(parseContentDate('2015-03-24T24:00')).toEqual({ ok: false, reason: 'time' });
  });
  it('rejects other formats', () => {
    for (const s of ['2015/03/24', '2015-3-24', '2015年03月24日', '24.03.2015', '', 'yesterday']) {
      expect(parseContentDate(s), s).toEqual({ ok: false, reason: 'format' });
    }
  });
});

describe('formatting in Asia/Shanghai', () => {
  it('prints 2015年03月24日 as the old site did', () => {
    expect(formatChineseDate(at('2015-03-24'))).toBe('2015年03月24日');
    expect(isoDay(at('2015-03-24'))).toBe('2015-03-24');
    expect(isoShanghai(at('2015-03-24T09:30:05+08:00'))).toBe('2015-03-24T09:30:05+08:00');
  });
  it('uses the Beijing day, not the UTC day', () => {
    // 23:30 UTC on the 24th is already the 25th in Beijing.
    const late = new Date('2015-03-24T23:30:00Z');
    expect(formatChineseDate(late)).toBe('2015年03月25日');
    expect(isoDay(late)).toBe('2015-03-25');
    expect(isoShanghai(late)).toBe('2015-03-25T07:30:00+08:00');
    expect(yearOf(new Date('2015-12-31T16:30:00Z'))).toBe(2016);
  });
});
