// A form's terms link: only http(s) is saved, served and rendered (a javascript: href would run
// in the hosted page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpUrl } from '../../../core/forms/definition.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { accountWithLists, createPublishedForm, definition, type FormFixture } from './testing.ts';

describe('terms link', () => {
  let t: TestPlatform;
  let fixture: FormFixture;
  beforeAll(async () => {
    t = await createTestPlatform('sqlite');
    fixture = await accountWithLists(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    'data:text/html,<script>1</script>',
    'vbscript:x',
    'ftp://x.example/t',
  ])('refuses %s at save with 400 FORM_TERMS_URL_INVALID', async (url) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forms',
      headers: fixture.owner.headers,
      payload: definition(fixture.lists, { termsBox: { label: 'I accept the terms', url } }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('FORM_TERMS_URL_INVALID');
  });

  it('saves, serves and renders an https link', async () => {
    const url = 'https://shop.example/terms';
    const formId = await createPublishedForm(
      t.app,
      fixture.owner,
      definition(fixture.lists, { termsBox: { label: 'I accept the terms', url } }),
    );
    const page = await t.app.inject({ method: 'GET', url: `/f/${formId}` });
    expect(page.body).toContain(`href="${url}"`);
    const json = await t.app.inject({ method: 'GET', url: `/api/v1/public/forms/${formId}` });
    expect(json.json().terms.url).toBe(url);
  });

  it('isHttpUrl accepts only http and https', () => {
    expect(isHttpUrl('http://a.example')).toBe(true);
    expect(isHttpUrl(' javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('not a url')).toBe(false);
  });
});
