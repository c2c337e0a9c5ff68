import { childrenToCsv } from './series-csv';

describe('childrenToCsv and CSV injection', () => {
  it('Given a child whose recorded reference, name and detail start like formulas, When written as CSV, Then each cell is text behind a quote', () => {
    const csv = childrenToCsv(
      [
        {
          childId: 'a',
          childRef: '=1+1',
          name: '@SUM(A1)',
          detail: { team: '+cmd|calc!A1', days: -3, inArea: true },
        },
      ],
      true,
    );
    expect(csv).toBe("childId,childRef,name,team,days,inArea\na,'=1+1,'@SUM(A1),'+cmd|calc!A1,-3,true\n");
  });
});
