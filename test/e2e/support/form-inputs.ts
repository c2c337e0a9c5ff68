/** The hidden and filled-in inputs of a rendered form, by name (values with &quot; and &amp; decoded). */
export function inputsOf(page: string): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const match of page.matchAll(/<input\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(match[0])?.[1];
    const value = /\bvalue="([^"]*)"/.exec(match[0])?.[1];
    if (name && value !== undefined) inputs[name] = value.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  }
  return inputs;
}
