import type { Page } from 'playwright-core';

/** What a social worker types into the register-a-child form (not an asylum seeker, not relinquished). */
export interface RegisterAnswers {
  childRef: string;
  name: string;
  dateOfBirth: string;
  sex: 'Male' | 'Female';
  upn: string;
  /** Date the child became known to the authority. */
  knownSince: string;
  /** Left as the form offers it when absent (a worker with one team has it chosen already). */
  team?: string;
  /** Left blank when absent. */
  postcode?: string;
}

/** Fills in the register-a-child form the page shows, without sending it. */
export async function fillRegisterForm(page: Page, answers: RegisterAnswers): Promise<void> {
  await page.getByLabel('903 child reference').fill(answers.childRef);
  await page.getByLabel('Full name').fill(answers.name);
  await page.getByLabel('Date of birth').fill(answers.dateOfBirth);
  await page.getByLabel(answers.sex, { exact: true }).check();
  await page.getByLabel('Ethnicity').selectOption('WBRI');
  await page.getByLabel('Unique pupil number (UPN)').fill(answers.upn);
  if (answers.postcode !== undefined) await page.getByLabel('Home postcode').fill(answers.postcode);
  await page.locator('input[name="uasc"][value="false"]').check();
  await page.locator('input[name="relinquishedAtBirth"][value="false"]').check();
  if (answers.team !== undefined) await page.getByLabel('Allocated team').selectOption(answers.team);
  await page.getByLabel('Date the child became known to the authority').fill(answers.knownSince);
}
