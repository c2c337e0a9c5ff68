import { recordForm } from './form-definitions';
import { formToBody } from './form-body';

describe('formToBody', () => {
  const outcomes = recordForm('health-outcomes')!;

  it('sends a whole-number answer as a number, and anything else as typed for the DTO to judge', () => {
    expect(formToBody(outcomes.fields, { sdqScore: '14' })).toEqual({ sdqScore: 14 });
    expect(formToBody(outcomes.fields, { sdqScore: '14.5' })).toEqual({ sdqScore: '14.5' });
  });

  it('leaves out a yes/no item answered “Does not apply”, and sends yes and no as booleans', () => {
    expect(
      formToBody(outcomes.fields, { convicted: '', immunisations: 'true', teethCheck: 'false' }),
    ).toEqual({
      immunisations: true,
      teethCheck: false,
    });
  });

  it('nests a correction’s amendedData by its dotted names', () => {
    const fields = [
      { kind: 'date', name: 'amendedData.effectiveDate', label: 'Date' },
      { kind: 'boolean', name: 'amendedData.placement.inArea', label: 'In area?' },
    ] as const;
    expect(
      formToBody([...fields], {
        'amendedData.effectiveDate': '2024-01-02',
        'amendedData.placement.inArea': 'true',
      }),
    ).toEqual({ amendedData: { effectiveDate: '2024-01-02', placement: { inArea: true } } });
  });
});
