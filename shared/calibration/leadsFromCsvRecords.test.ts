import { describe, expect, it } from 'vitest';
import { leadsFromCsvRecords } from './leadsFromCsvRecords';

describe('leadsFromCsvRecords', () => {
  const records = [
    { Id: '1', Won: 'Yes', Visits: '3', Demo: 'Yes', Source: 'Ads', Size: '10' },
    { Id: '2', Won: 'no', Visits: '', Demo: 'No', Source: 'Select', Size: 'big' },
    { Id: '3', Won: '1', Visits: '0.5', Demo: '', Source: 'SEO', Size: '10' },
  ];
  const leads = leadsFromCsvRecords(records, {
    outcomeColumn: 'Won',
    ignoreColumns: ['Id'],
    missingValues: ['select'],
  });

  it('reads the outcome and leaves out the ignored columns', () => {
    expect(leads.map((l) => l.converted)).toEqual([true, false, true]);
    expect(Object.keys(leads[0]?.actions ?? {})).toEqual(['Visits', 'Demo', 'Source', 'Size']);
  });

  it('types columns from all their answered cells', () => {
    expect(leads.map((l) => l.actions.Visits)).toEqual([3, null, 0.5]);
    expect(leads.map((l) => l.actions.Demo)).toEqual([true, false, null]);
    expect(leads.map((l) => l.actions.Source)).toEqual(['Ads', null, 'SEO']);
    // A mixed column stays text, so "10" is a category like "big".
    expect(leads.map((l) => l.actions.Size)).toEqual(['10', 'big', '10']);
  });

  it('fails loudly when the outcome column is missing', () => {
    expect(() => leadsFromCsvRecords(records, { outcomeColumn: 'Converted' })).toThrow(/outcome column "Converted"/);
  });
});
