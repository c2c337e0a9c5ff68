/**
 * The log position a record form's redirect carries (`?position=`), for read-your-writes. Anything
 * but a decimal whole number is ignored: the page then shows what the read models hold.
 */
export function positionParam(value: unknown): string | undefined {
  return typeof value === 'string' && /^(0|[1-9]\d{0,18})$/.test(value) ? value : undefined;
}

/** Where a recorded form sends the browser: the child's page, once it shows the write. */
export function afterRecording(childId: string, formSlug: string, position: string | null): string {
  const at = position === null ? '' : `&position=${position}`;
  return `/panel/children/${encodeURIComponent(childId)}?recorded=${encodeURIComponent(formSlug)}${at}`;
}
