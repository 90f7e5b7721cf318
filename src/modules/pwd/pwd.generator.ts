import type { Faker } from '@faker-js/faker';
import { addYears } from '../../core/clock';
import { CardStatus, CertificateType, DISABILITY_CODE, DISABILITY_TYPES, DisabilityType, Education, Employment, Gender, IncomeBand } from './pwd.enums';
import { STATES } from './pwd.geo';

/** The fixed seed of the synthetic data set: the same N records on every machine. */
export const SEED = 20161228; // the RPwD Act 2016 received assent on 28 Dec 2016

export interface GeneratedPwd {
  udid: string; cardStatus: CardStatus; cardIssuedOn: string;
  name: string; nameRegional: string | null; guardianName: string; gender: Gender; dateOfBirth: string;
  mobile: string; email: string | null; address: string; pincode: string; district: string; districtCode: string; state: string; stateCode: string;
  primaryDisability: DisabilityType; disabilities: DisabilityType[]; disabilityPercentage: number;
  certificateType: CertificateType; certificateNumber: string; certificateIssuedOn: string; validUntil: string | null; issuingAuthority: string;
  education: Education; employment: Employment; incomeBand: IncomeBand; belowPovertyLine: boolean; aadhaarLast4: string;
  createdAt: Date; updatedAt: Date;
}

/** Luhn check digit over a string of digits. */
export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * UDID: state (2 letters) · district (2) · CMO (1) · disability type (2) · year of birth (4) ·
 * running number (6) · check digit (1) = 18 characters. The synthetic check digit is Luhn over the 15 digits before it.
 */
export function makeUdid(stateCode: string, districtNo: number, cmo: number, type: DisabilityType, yearOfBirth: number, running: number): string {
  const body = `${String(districtNo).padStart(2, '0')}${cmo}${DISABILITY_CODE[type]}${yearOfBirth}${String(running).padStart(6, '0')}`;
  return `${stateCode}${body}${luhnDigit(body)}`;
}

export function isValidUdidCheckDigit(udid: string): boolean {
  return /^[A-Z]{2}\d{16}$/.test(udid) && luhnDigit(udid.slice(2, 17)) === Number(udid[17]);
}

// Rough Latin → Devanagari letters, enough to give synthetic names a regional-script form.
const DEVANAGARI: Record<string, string> = {
  a: 'अ', b: 'ब', c: 'क', d: 'द', e: 'ए', f: 'फ', g: 'ग', h: 'ह', i: 'इ', j: 'ज', k: 'क', l: 'ल', m: 'म', n: 'न', o: 'ओ',
  p: 'प', q: 'क', r: 'र', s: 'स', t: 'त', u: 'उ', v: 'व', w: 'व', x: 'क्स', y: 'य', z: 'ज़', ' ': ' ',
};
const toDevanagari = (s: string) => s.toLowerCase().split('').map((c) => DEVANAGARI[c] ?? '').join('');

const pick = <T>(f: Faker, items: readonly T[]) => items[f.number.int({ min: 0, max: items.length - 1 })];
function weighted<T>(f: Faker, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = f.number.float({ min: 0, max: total });
  for (const [v, w] of items) { if ((r -= w) <= 0) return v; }
  return items[items.length - 1][0];
}

const BASE_TIME = Date.parse('2026-06-30T00:00:00Z');

/** Deterministic generator of synthetic PwD records; never a real person. */
export class PwdGenerator {
  private readonly f: Faker;
  private readonly running = new Map<string, number>();
  private readonly districts = STATES.flatMap((s) => s.districts.map((d, i) => ({ state: s, district: d, districtNo: i + 1 })));

  constructor(seed = SEED) {
    // Loaded on first use: faker and its locales hold ~15 MB that a serving process never needs.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Faker: FakerClass, en_IN, en, base } = require('@faker-js/faker') as typeof import('@faker-js/faker');
    this.f = new FakerClass({ locale: [en_IN, en, base] });
    this.f.seed(seed);
  }

  next(): GeneratedPwd {
    const f = this.f;
    const { state, district, districtNo } = pick(f, this.districts);
    const gender = weighted(f, [[Gender.MALE, 55], [Gender.FEMALE, 44], [Gender.TRANSGENDER, 1]]);
    const sex = gender === Gender.FEMALE ? 'female' : 'male';
    const first = f.person.firstName(sex);
    const last = f.person.lastName();
    const yob = f.number.int({ min: 1940, max: 2022 });
    const dateOfBirth = `${yob}-${String(f.number.int({ min: 1, max: 12 })).padStart(2, '0')}-${String(f.number.int({ min: 1, max: 28 })).padStart(2, '0')}`;
    const primary = pick(f, DISABILITY_TYPES);
    const disabilities = [primary];
    if (f.number.int({ min: 1, max: 10 }) === 1) {
      for (const extra of f.helpers.arrayElements(DISABILITY_TYPES, { min: 1, max: 2 })) if (!disabilities.includes(extra)) disabilities.push(extra);
    }
    const key = `${state.code}${districtNo}`;
    const running = (this.running.get(key) ?? 0) + 1;
    this.running.set(key, running);
    const cmo = f.number.int({ min: 1, max: 9 });
    const udid = makeUdid(state.code, districtNo, cmo, primary, yob, running);

    const issuedYear = Math.max(2016, yob + 1);
    const certificateIssuedOn = `${f.number.int({ min: issuedYear, max: 2026 })}-${String(f.number.int({ min: 1, max: 6 })).padStart(2, '0')}-${String(f.number.int({ min: 1, max: 28 })).padStart(2, '0')}`;
    const certificateType = f.number.int({ min: 1, max: 10 }) <= 8 ? CertificateType.PERMANENT : CertificateType.TEMPORARY;
    const validUntil = certificateType === CertificateType.TEMPORARY ? addYears(certificateIssuedOn, f.number.int({ min: 1, max: 5 })) : null;
    let cardStatus = weighted(f, [[CardStatus.ACTIVE, 94], [CardStatus.SURRENDERED, 2], [CardStatus.CANCELLED, 2], [CardStatus.EXPIRED, 2]]);
    if (validUntil && validUntil < '2026-06-30') cardStatus = CardStatus.EXPIRED;
    const percentage = weighted(f, [[f.number.int({ min: 40, max: 100 }), 85], [f.number.int({ min: 10, max: 39 }), 15]]);

    const age = 2026 - yob;
    const education = age < 6 ? Education.NONE : weighted(f, [[Education.NONE, 15], [Education.PRIMARY, 25], [Education.SECONDARY, 25], [Education.HIGHER_SECONDARY, 15], [Education.DIPLOMA, 5], [Education.GRADUATE, 12], [Education.POST_GRADUATE, 3]]);
    const employment = age < 18 ? Employment.STUDENT : age >= 62 ? Employment.RETIRED : weighted(f, [[Employment.UNEMPLOYED, 35], [Employment.SELF_EMPLOYED, 15], [Employment.SALARIED_PRIVATE, 10], [Employment.SALARIED_GOVERNMENT, 5], [Employment.CASUAL_LABOUR, 20], [Employment.HOMEMAKER, 15]]);
    const incomeBand = weighted(f, [[IncomeBand.BELOW_1_LAKH, 45], [IncomeBand.FROM_1_TO_2_5_LAKH, 30], [IncomeBand.FROM_2_5_TO_5_LAKH, 15], [IncomeBand.FROM_5_TO_10_LAKH, 7], [IncomeBand.ABOVE_10_LAKH, 3]]);
    const createdAt = new Date(Date.parse(certificateIssuedOn + 'T00:00:00Z') + f.number.int({ min: 0, max: 30 * 86_400_000 }));
    const updatedAt = new Date(Math.min(BASE_TIME, createdAt.getTime() + f.number.int({ min: 0, max: 800 }) * 86_400_000));

    return {
      udid, cardStatus, cardIssuedOn: certificateIssuedOn,
      name: `${first} ${last}`,
      nameRegional: f.number.int({ min: 1, max: 10 }) <= 7 ? toDevanagari(`${first} ${last}`) : null,
      guardianName: `${f.person.firstName('male')} ${last}`,
      gender, dateOfBirth,
      mobile: `${f.number.int({ min: 6, max: 9 })}${f.string.numeric(9)}`,
      email: f.number.int({ min: 1, max: 10 }) <= 4 ? `${first}.${last}${f.number.int({ min: 1, max: 999 })}@example.in`.toLowerCase().replace(/[^a-z0-9.@]/g, '') : null,
      address: `${f.number.int({ min: 1, max: 999 })}, ${f.location.street()}, ${district}`.slice(0, 300),
      pincode: `${state.pinPrefix}${f.string.numeric(4)}`,
      district, districtCode: String(districtNo).padStart(2, '0'), state: state.name, stateCode: state.code,
      primaryDisability: primary, disabilities, disabilityPercentage: percentage,
      certificateType, certificateNumber: `${state.code}/${String(districtNo).padStart(2, '0')}/${certificateIssuedOn.slice(0, 4)}/${String(running).padStart(6, '0')}`,
      certificateIssuedOn, validUntil,
      issuingAuthority: `Chief Medical Officer, ${district}`,
      education, employment, incomeBand,
      belowPovertyLine: incomeBand === IncomeBand.BELOW_1_LAKH ? f.number.int({ min: 1, max: 10 }) <= 7 : false,
      aadhaarLast4: f.string.numeric(4),
      createdAt, updatedAt,
    };
  }
}

