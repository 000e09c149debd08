import { describe, expect, it } from 'vitest';
import {
  canonicalLinkedInUrl,
  gmailThreadId,
  hubSpotContactRef,
  isGmail,
  isGmailCompose,
  isGmailThread,
  isHubSpot,
  isHubSpotContact,
  isLinkedIn,
  isLinkedInProfile,
  isOutlook,
  isOutlookCompose,
  isSalesforce,
  isSalesforceLeadOrContact,
  linkedInProfileSlug,
  outlookItemId,
  resolveSiteUrl,
  salesforceRecordRef,
  siteOf,
} from './urlDetection';

const REAL = { demo: false };
const DEMO = { demo: true };
const url = (href: string) => new URL(href);

describe('Gmail', () => {
  it.each([
    'https://mail.google.com/mail/u/0/#inbox',
    'https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJGvbRfTlNqBXwXhDfMsDpNjv',
    'https://mail.google.com/mail/',
  ])('recognises %s', (href) => expect(isGmail(url(href), REAL)).toBe(true));

  it.each([
    'https://mail.google.com.evil.example/mail/u/0/',
    'http://mail.google.com/mail/u/0/',
    'https://mail.google.com/chat/u/0/',
    'https://calendar.google.com/calendar/u/0/r',
    'https://gmail.com/mail/u/0/',
  ])('rejects %s', (href) => expect(isGmail(url(href), REAL)).toBe(false));

  it('finds the open thread in hash routes, not in list routes', () => {
    expect(gmailThreadId(url('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJGvbRfTlNqBXwXhDfMsDpNjv'), REAL)).toBe(
      'FMfcgzQXJGvbRfTlNqBXwXhDfMsDpNjv',
    );
    expect(
      isGmailThread(url('https://mail.google.com/mail/u/0/#label/Work/FMfcgzQXJGvbRfTlNqBXwXhDfMsDpNjv'), REAL),
    ).toBe(true);
    expect(isGmailThread(url('https://mail.google.com/mail/u/0/#search/acme+bank/FMfcgzQXJGvb'), REAL)).toBe(false);
    expect(isGmailThread(url('https://mail.google.com/mail/u/0/#inbox'), REAL)).toBe(false);
    expect(isGmailThread(url('https://mail.google.com/mail/u/0/#inbox/p2'), REAL)).toBe(false);
    expect(isGmailThread(url('https://mail.google.com/mail/u/0/#label/Customers%2FBanks'), REAL)).toBe(false);
  });

  it('sees a compose window named in the hash', () => {
    expect(isGmailCompose(url('https://mail.google.com/mail/u/0/#inbox?compose=new'), REAL)).toBe(true);
    expect(isGmailCompose(url('https://mail.google.com/mail/u/0/#inbox?compose=CllgCJTMqXwR'), REAL)).toBe(true);
    expect(isGmailCompose(url('https://mail.google.com/mail/u/0/#inbox'), REAL)).toBe(false);
  });
});

describe('Outlook on the web', () => {
  it.each([
    'https://outlook.office.com/mail/',
    'https://outlook.office365.com/mail/inbox',
    'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATYwMAItYjQ',
    'https://outlook.office.com/owa/?realm=contoso.com',
  ])('recognises %s', (href) => expect(isOutlook(url(href), REAL)).toBe(true));

  it.each([
    'https://outlook.office.com/calendar/view/week',
    'https://outlook.com.evil.example/mail/',
    'https://login.microsoftonline.com/common/oauth2',
    'http://outlook.office.com/mail/',
  ])('rejects %s', (href) => expect(isOutlook(url(href), REAL)).toBe(false));

  it('reads the open item and the compose deep link', () => {
    expect(outlookItemId(url('https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1i%2BNTcw'), REAL)).toBe(
      'AAQkADAwATM0MDAAMS1i+NTcw',
    );
    expect(outlookItemId(url('https://outlook.live.com/mail/0/id/AQQkADAw'), REAL)).toBe('AQQkADAw');
    expect(outlookItemId(url('https://outlook.office.com/mail/inbox'), REAL)).toBeNull();
    expect(isOutlookCompose(url('https://outlook.office.com/mail/deeplink/compose?to=a@b.example'), REAL)).toBe(true);
    expect(isOutlookCompose(url('https://outlook.office.com/mail/inbox'), REAL)).toBe(false);
  });
});

describe('LinkedIn', () => {
  it.each([
    ['https://www.linkedin.com/in/haruka-sato-demo/', 'haruka-sato-demo'],
    ['https://www.linkedin.com/in/Giulia-Romano-Demo', 'giulia-romano-demo'],
    ['https://linkedin.com/in/omar-haddad-demo/?originalSubdomain=ae', 'omar-haddad-demo'],
    ['https://www.linkedin.com/in/haruka-sato-demo/overlay/contact-info/', 'haruka-sato-demo'],
    ['https://www.linkedin.com/in/%E4%BD%90%E8%97%A4-%E9%81%A5/', '佐藤-遥'],
  ])('reads the profile slug of %s', (href, slug) => {
    expect(isLinkedInProfile(url(href), REAL)).toBe(true);
    expect(linkedInProfileSlug(url(href), REAL)).toBe(slug);
  });

  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/company/banca-aurora/',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/in/haruka-sato-demo/details/experience/',
    'https://www.linkedin.com/in/haruka-sato-demo/recent-activity/all/',
    'https://www.linkedin.com.evil.example/in/haruka-sato-demo/',
    'https://evil.example/www.linkedin.com/in/haruka-sato-demo/',
  ])('is not a profile: %s', (href) => expect(isLinkedInProfile(url(href), REAL)).toBe(false));

  it('keeps the whole site matched so the feed → profile navigation is followed', () => {
    expect(isLinkedIn(url('https://www.linkedin.com/feed/'), REAL)).toBe(true);
    expect(isLinkedIn(url('https://www.linkedin.com.evil.example/feed/'), REAL)).toBe(false);
  });

  it('canonicalises profile URLs', () => {
    expect(canonicalLinkedInUrl('Haruka-Sato-Demo')).toBe('https://www.linkedin.com/in/haruka-sato-demo');
    expect(canonicalLinkedInUrl('佐藤-遥')).toBe('https://www.linkedin.com/in/%E4%BD%90%E8%97%A4-%E9%81%A5');
  });
});

describe('HubSpot', () => {
  it.each([
    ['https://app.hubspot.com/contacts/8765432/record/0-1/51234', '8765432', '51234'],
    ['https://app.hubspot.com/contacts/8765432/record/0-1/51234/view/1', '8765432', '51234'],
    ['https://app-eu1.hubspot.com/contacts/26000001/record/0-1/901', '26000001', '901'],
    ['https://app.hubspot.com/contacts/8765432/contact/51234/', '8765432', '51234'],
  ])('reads the contact of %s', (href, portalId, contactId) => {
    expect(isHubSpotContact(url(href), REAL)).toBe(true);
    expect(hubSpotContactRef(url(href), REAL)).toEqual({ portalId, contactId });
  });

  it.each([
    'https://app.hubspot.com/contacts/8765432/objects/0-1/views/all/list',
    'https://app.hubspot.com/contacts/8765432/record/0-2/777',
    'https://app.hubspot.com/contacts/8765432/company/777',
    'https://www.hubspot.com/contacts/8765432/record/0-1/51234',
    'https://app.hubspot.com.evil.example/contacts/8765432/record/0-1/51234',
  ])('is not a contact: %s', (href) => expect(isHubSpotContact(url(href), REAL)).toBe(false));

  it('matches any page of the app, not the marketing site', () => {
    expect(isHubSpot(url('https://app.hubspot.com/reports-dashboard/8765432'), REAL)).toBe(true);
    expect(isHubSpot(url('https://www.hubspot.com/products/crm'), REAL)).toBe(false);
  });
});

describe('Salesforce Lightning', () => {
  it.each([
    [
      'https://leadlens-demo.lightning.force.com/lightning/r/Lead/00Q5g00000Ab12CEAR/view',
      'Lead',
      '00Q5g00000Ab12CEAR',
    ],
    ['https://acme.lightning.force.com/lightning/r/Contact/0035g00000Xy34Z/view', 'Contact', '0035g00000Xy34Z'],
    [
      'https://acme--uat.sandbox.lightning.force.com/lightning/r/Lead/00Q5g00000Ab12CEAR/view?ws=%2Flightning',
      'Lead',
      '00Q5g00000Ab12CEAR',
    ],
  ])('reads the record of %s', (href, objectType, recordId) => {
    expect(isSalesforceLeadOrContact(url(href), REAL)).toBe(true);
    expect(salesforceRecordRef(url(href), REAL)).toEqual({ objectType, recordId });
  });

  it.each([
    'https://acme.lightning.force.com/lightning/r/Account/0015g00000Qw12EAAR/view',
    'https://acme.lightning.force.com/lightning/o/Lead/list',
    'https://acme.lightning.force.com/lightning/page/home',
    'https://acme.lightning.force.com/lightning/r/Lead/00Q5g/view',
    'https://acme.my.salesforce.com/00Q5g00000Ab12CEAR',
    'https://lightning.force.com.evil.example/lightning/r/Lead/00Q5g00000Ab12CEAR/view',
  ])('is not a lead or contact: %s', (href) => expect(isSalesforceLeadOrContact(url(href), REAL)).toBe(false));

  it('matches the whole Lightning app', () => {
    expect(isSalesforce(url('https://acme.lightning.force.com/lightning/page/home'), REAL)).toBe(true);
  });
});

describe('local demo pages', () => {
  const demoPages: [string, (u: URL, o: { demo: boolean }) => boolean][] = [
    ['http://127.0.0.1:8790/demo/gmail/mail/u/1/#inbox/FMfcgzQXJGvbRfTlNqBXwXhDfMsDpNjv', isGmailThread],
    ['http://127.0.0.1:8790/demo/outlook/mail/deeplink/compose', isOutlookCompose],
    ['http://127.0.0.1:8790/demo/linkedin/in/haruka-sato-demo/', isLinkedInProfile],
    ['http://localhost:8790/demo/hubspot/contacts/8765432/record/0-1/51234', isHubSpotContact],
    ['http://127.0.0.1:8790/demo/salesforce/lightning/r/Lead/00Q5g00000Ab12CEAR/view', isSalesforceLeadOrContact],
  ];

  it.each(demoPages)('stand in for the real site when demo pages are on: %s', (href, predicate) => {
    expect(predicate(url(href), DEMO)).toBe(true);
    expect(predicate(url(href), REAL)).toBe(false);
  });

  it('map back to the real-site URL they stand for', () => {
    const resolved = resolveSiteUrl(url('http://127.0.0.1:8790/demo/linkedin/in/haruka-sato-demo/?x=1#top'), DEMO);
    expect(resolved?.site).toBe('linkedin');
    expect(resolved?.url.href).toBe('https://www.linkedin.com/in/haruka-sato-demo/?x=1#top');
    expect(linkedInProfileSlug(url('http://127.0.0.1:8790/demo/linkedin/in/haruka-sato-demo/'), DEMO)).toBe(
      'haruka-sato-demo',
    );
  });

  it.each([
    'http://127.0.0.1:8790/',
    'http://127.0.0.1:8790/demo/',
    'http://127.0.0.1:8790/demo/myspace/in/x/',
    'http://127.0.0.1:8790/linkedin/in/haruka-sato-demo/',
    'http://10.0.0.5:8790/demo/linkedin/in/haruka-sato-demo/',
    'https://demo.example/demo/linkedin/in/haruka-sato-demo/',
  ])('are only the /demo/<site>/ paths on the loopback host: %s', (href) => {
    expect(siteOf(url(href), DEMO)).toBeNull();
  });
});
