/**
 * The 903's URN: the Ofsted unique reference number of the setting, or XXXXXXX when the placement
 * has none (not registered with Ofsted, or not applicable). Ofsted numbers are two letters and six
 * digits for social care and early years settings (SC123456, EY123456), or six or seven digits
 * (123456, 2771234). Checked at the API (and so on the forms); the journey itself keeps the looser
 * 1–8 letters and digits, so entries stored or imported before this check still fold.
 */
export const OFSTED_URN_PATTERN = /^(?:XXXXXXX|[A-Z]{2}\d{6}|\d{6,7})$/i;

export const OFSTED_URN_RULE =
  "$property must be the setting's Ofsted URN (two letters and six digits such as SC123456, or six or " +
  'seven digits such as 2771234), or XXXXXXX when there is none';
