/** AD1 (adopted in the year), PlacedAdoption (decisions that the child should be placed) and PrevPerm. */
import type { ChildRecord } from './child-record';
import type { CollectionYear } from './collection-year';
import { orderDateToDmy, toDmy } from './format';
import type { Row } from './tables';

const inYear = (date: string | undefined, year: CollectionYear): boolean =>
  date !== undefined && date >= year.start && date <= year.end;

export function ad1Row(child: ChildRecord, year: CollectionYear): Row | undefined {
  const adopted = child.periods.find(
    (p) => (p.reason === 'E11' || p.reason === 'E12') && inYear(p.end, year),
  );
  const decision = child.adoptionDecisions.find(
    (d) => d.order !== undefined && d.order.effectiveDate === adopted?.end,
  );
  if (!adopted || !decision?.order) return undefined;
  const o = decision.order;
  return {
    CHILD: child.registration.childRef,
    DOB: toDmy(child.registration.dateOfBirth),
    DATE_INT: toDmy(decision.decision),
    DATE_MATCH: toDmy(decision.match),
    FOSTER_CARE: o.adoptedByFosterCarer ? '1' : '0',
    NB_ADOPTR: String(o.numberOfAdopters),
    SEX_ADOPTR: o.adopterSex,
    LS_ADOPTR: o.adopterLegalStatus,
  };
}

/** Decisions still live at some point in the year: made by 31 March, not reversed before 1 April. */
export function placedAdoptionRows(child: ChildRecord, year: CollectionYear): Row[] {
  return child.adoptionDecisions
    .filter((d) => d.decision <= year.end && (d.reversed === undefined || d.reversed.date >= year.start))
    .map((d) => {
      const ceased = d.reversed !== undefined && d.reversed.date <= year.end;
      return {
        CHILD: child.registration.childRef,
        DOB: toDmy(child.registration.dateOfBirth),
        DATE_PLACED: toDmy(d.decision),
        DATE_PLACED_CEASED: ceased ? toDmy(d.reversed?.date) : '',
        REASON_PLACED_CEASED: ceased ? (d.reversed?.reason ?? '') : '',
      };
    });
}

/**
 * Previous permanence that was never recorded is not known: the 903's P4 (unknown), never Z1 (none),
 * which would state a fact nobody recorded. The validator wants LA_PERM and DATE_PERM for any code but
 * Z1 (rule 630), so the self-check names such a row until the start of care is amended.
 */
const NOT_RECORDED = { code: 'P4' } as const;

/** Care ended by one of these orders: a new permanence order, whose details the journey does not hold. */
const PERMANENCE_ENDINGS = new Set(['E11', 'E12', 'E41', 'E45', 'E46', 'E47', 'E48']);

/**
 * The previous permanence of the year's latest start of care. Left unrecorded there, an earlier
 * start in the same year that recorded it still tells it: an order that existed before that start
 * still existed before the later one, unless the care between ended with a new order (then unknown).
 */
function previousPermanenceOf(child: ChildRecord, year: CollectionYear, latest: number) {
  for (let i = latest; i >= 0; i--) {
    const period = child.periods[i];
    if (!inYear(period.start, year)) break;
    if (i < latest && PERMANENCE_ENDINGS.has(period.reason ?? '')) break;
    if (period.previousPermanence) return period.previousPermanence;
  }
  return undefined;
}

/** For every child who started to be looked after in the year (903 rule 630): one row, the latest start. */
export function prevPermRow(child: ChildRecord, year: CollectionYear): Row | undefined {
  const latest = child.periods.map((p) => inYear(p.start, year)).lastIndexOf(true);
  if (latest < 0) return undefined;
  const pp: { code: string; la?: string; date?: string } =
    previousPermanenceOf(child, year, latest) ?? NOT_RECORDED;
  return {
    CHILD: child.registration.childRef,
    DOB: toDmy(child.registration.dateOfBirth),
    PREV_PERM: pp.code,
    LA_PERM: pp.code === 'Z1' ? '' : (pp.la ?? ''),
    DATE_PERM: pp.code === 'Z1' ? '' : orderDateToDmy(pp.date),
  };
}
