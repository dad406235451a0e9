// Accessibility checks for the kiosk tests: axe-core with the WCAG 2.1 A and AA rules, and
// keyboard helpers that move focus with Tab and Shift+Tab only, never with a click.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export const WCAG21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the whole page and fails with rule ids and element selectors, named by `where`. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG21_AA_TAGS).analyze();
  const violations = result.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    elements: violation.nodes.map((node) => node.target.join(' ')),
  }));
  expect(violations, `axe violations on ${where}`).toEqual([]);
}

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement).catch(() => false);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus. Fails when it is not reached within
 * `maxPresses`, which is how an unreachable control shows up.
 */
export async function tabTo(page: Page, target: Locator, options: { backward?: boolean; maxPresses?: number } = {}): Promise<void> {
  const key = options.backward ? 'Shift+Tab' : 'Tab';
  const maxPresses = options.maxPresses ?? 60;

  for (let presses = 0; presses < maxPresses; presses += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press(key);
  }
  await expect(target, `reachable with ${key} within ${maxPresses} presses`).toBeFocused({ timeout: 1 });
}

/**
 * Tabs from the focused step heading to the last control of `<main>` and returns the focus stops
 * next to the stops the DOM order predicts: every visible, enabled control after the heading. A radio group is one stop (its checked radio, or the
 * first when none is checked), as browsers handle it. The caller compares the two lists, so a
 * control that Tab skips, or a jump out of reading order, fails the test.
 */
export async function tabThroughMain(page: Page): Promise<{ expected: string[]; visited: string[] }> {
  const expected = await page.evaluate(() => {
    const main = document.querySelector('main');
    const heading = main?.querySelector('h1');
    if (!main || !heading) throw new Error('the page has no <main> with an <h1>');

    const describe = (element: Element): string => {
      if (element.id) return `#${element.id}`;
      const name = element.getAttribute('aria-label') ?? element.textContent ?? '';
      return `${element.tagName.toLowerCase()}:${name.replace(/\s+/g, ' ').trim().slice(0, 60)}`;
    };

    // A visible native control belongs in the tab order even when tabindex="-1" took it out.
    const controls = 'a[href], button, input, select, textarea';
    const focusable = [...main.querySelectorAll<HTMLElement>(`${controls}, [tabindex]`)].filter((element) => {
      const disabled = 'disabled' in element && element.disabled === true;
      const afterHeading = (heading.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      const expectedStop = element.matches(controls) || element.tabIndex >= 0;
      return expectedStop && !disabled && afterHeading && element.getClientRects().length > 0;
    });

    const stops = focusable.filter((element) => {
      if (!(element instanceof HTMLInputElement) || element.type !== 'radio') return true;
      const group = focusable.filter((other) => other instanceof HTMLInputElement && other.type === 'radio' && other.name === element.name) as HTMLInputElement[];
      return element === (group.find((radio) => radio.checked) ?? group[0]);
    });

    const keys = new Map(stops.map((element) => [element as Element, describe(element)]));
    (window as unknown as { __tabStops: Map<Element, string> }).__tabStops = keys;
    return [...keys.values()];
  });

  const visited: string[] = [];
  const last = expected.at(-1);
  for (let presses = 0; presses < expected.length + 10; presses += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const active = document.activeElement;
      const keys = (window as unknown as { __tabStops: Map<Element, string> }).__tabStops;
      return active ? (keys.get(active) ?? `outside <main>: ${active.tagName.toLowerCase()}`) : 'nothing';
    });
    visited.push(stop);
    if (stop === last) break;
  }

  return { expected, visited };
}

/** Checks that Tab visits every control of the step in reading order, starting at the focused heading. */
export async function expectTabOrderFollowsReadingOrder(page: Page, where: string): Promise<void> {
  await expect(page.locator('main h1'), `heading of ${where} has focus`).toBeFocused();
  const { expected, visited } = await tabThroughMain(page);
  expect(visited, `focus stops on ${where}`).toEqual(expected);
}
