import { describe, expect, it } from 'vitest';
import { Authority, Place, ROLES, Service } from '../../../src-shared/index.ts';
import type { Service as ServiceType } from '../../../src-shared/index.ts';
import { findFieldSchema, isObjectSchema, listUnsupportedSchemaParts } from '../../../src-shared/forms/conditions.ts';
import type { JsonSchema } from '../../../src-shared/forms/conditions.ts';
import {
  DEMO_AUTHORITIES, DEMO_CLERKS, DEMO_KIOSK_DEVICES, DEMO_PASSWORD, DEMO_PLACES, DEMO_SERVICES, RESIDENT_PARKING_ID,
} from '../../../portal/src/catalog/demo-data.ts';

/** Lists every leaf field path of a form, from its own properties and from all branches. */
function allLeafPaths(schema: JsonSchema, prefix = ''): string[] {
  const paths: string[] = [];
  const visit = (fragment: JsonSchema): void => {
    for (const [name, field] of Object.entries((fragment.properties ?? {}) as Record<string, JsonSchema>)) {
      const path = prefix === '' ? name : `${prefix}.${name}`;
      if (isObjectSchema(field)) paths.push(...allLeafPaths(field, path));
      else paths.push(path);
    }
    for (const rule of (fragment.allOf ?? []) as JsonSchema[]) {
      for (const branch of [rule.then, rule.else]) if (branch) visit(branch as JsonSchema);
    }
  };
  visit(schema);
  return paths;
}

const serviceLabel = (service: ServiceType): string => `${service.name} v${service.version}`;

describe('demo authorities and places', () => {
  it('match the contract schemas', () => {
    for (const authority of DEMO_AUTHORITIES) expect(() => Authority.parse(authority), authority.id).not.toThrow();
    for (const place of DEMO_PLACES) expect(() => Place.parse(place), place.name).not.toThrow();
  });

  it('model the six authorities of the demo region', () => {
    const byId = new Map(DEMO_AUTHORITIES.map((authority) => [authority.id, authority]));
    expect(DEMO_AUTHORITIES).toHaveLength(6);
    expect(byId.get('schwerin')).toMatchObject({ kind: 'city', referencePrefix: 'SN', parentDistrictId: null, ars: '130040000000' });
    expect(byId.get('lk-ludwigslust-parchim')).toMatchObject({ kind: 'district', referencePrefix: 'LUP', parentDistrictId: null });
    for (const town of ['ludwigslust', 'neustadt-glewe', 'grabow']) {
      expect(byId.get(town)).toMatchObject({ kind: 'city', parentDistrictId: 'lk-ludwigslust-parchim' });
    }
    expect(byId.get('amt-parchimer-umland')).toMatchObject({ kind: 'amt', parentDistrictId: 'lk-ludwigslust-parchim' });
  });

  it('use unique ids, region keys and reference prefixes', () => {
    expect(new Set(DEMO_AUTHORITIES.map((authority) => authority.id)).size).toBe(DEMO_AUTHORITIES.length);
    expect(new Set(DEMO_AUTHORITIES.map((authority) => authority.ars)).size).toBe(DEMO_AUTHORITIES.length);
    expect(new Set(DEMO_AUTHORITIES.map((authority) => authority.referencePrefix)).size).toBe(DEMO_AUTHORITIES.length);
    expect(new Set(DEMO_PLACES.map((place) => place.ars)).size).toBe(DEMO_PLACES.length);
  });

  it('route places to the right authorities', () => {
    const ids = new Set(DEMO_AUTHORITIES.map((authority) => authority.id));
    for (const place of DEMO_PLACES) {
      expect(ids.has(place.municipalAuthorityId), place.name).toBe(true);
      expect(ids.has(place.districtAuthorityId), place.name).toBe(true);
    }

    const byName = new Map(DEMO_PLACES.map((place) => [place.name, place]));
    expect(byName.get('Schwerin')).toMatchObject({ municipalAuthorityId: 'schwerin', districtAuthorityId: 'schwerin' });
    expect(byName.get('Ludwigslust')).toMatchObject({ municipalAuthorityId: 'ludwigslust', districtAuthorityId: 'lk-ludwigslust-parchim' });
    expect(byName.get('Grabow')).toMatchObject({ municipalAuthorityId: 'grabow', districtAuthorityId: 'lk-ludwigslust-parchim' });
    const amtPlaces = DEMO_PLACES.filter((place) => place.municipalAuthorityId === 'amt-parchimer-umland');
    expect(amtPlaces.length).toBeGreaterThanOrEqual(3);
    for (const place of amtPlaces) expect(place.districtAuthorityId).toBe('lk-ludwigslust-parchim');
  });

  it('mark every place outside Schwerin as demo values', () => {
    for (const place of DEMO_PLACES.filter((candidate) => candidate.name !== 'Schwerin')) expect(place.demoValues, place.name).toBe(true);
  });
});

describe('demo services', () => {
  it('match the contract schema', () => {
    for (const service of DEMO_SERVICES) expect(() => Service.parse(service), serviceLabel(service)).not.toThrow();
  });

  it('offer four services with a second version of the parking permit', () => {
    expect(new Set(DEMO_SERVICES.map((service) => service.id)).size).toBe(4);
    const parking = DEMO_SERVICES.filter((service) => service.id === RESIDENT_PARKING_ID).map((service) => service.version);
    expect(parking).toEqual([1, 2]);
    const keys = DEMO_SERVICES.map((service) => `${service.id}@${service.version}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('change the parking form between versions', () => {
    const [v1, v2] = DEMO_SERVICES.filter((service) => service.id === RESIDENT_PARKING_ID);
    expect(findFieldSchema(v1!.formSchema, 'vehicle.vehicleClass')).toBeUndefined();
    expect(findFieldSchema(v2!.formSchema, 'vehicle.vehicleClass')).toEqual({ type: 'string', enum: ['car', 'motorcycle'] });
  });

  it('stay inside the supported schema subset', () => {
    for (const service of DEMO_SERVICES) expect(listUnsupportedSchemaParts(service.formSchema), serviceLabel(service)).toEqual([]);
  });

  it('have the applicant at the top level', () => {
    for (const service of DEMO_SERVICES) {
      const applicant = service.formSchema.properties as Record<string, JsonSchema>;
      expect(applicant.applicant?.required, serviceLabel(service)).toEqual(expect.arrayContaining(['givenName', 'familyName']));
      expect(findFieldSchema(service.formSchema, 'applicant.email'), serviceLabel(service)).toMatchObject({ format: 'email' });
      expect(service.formSchema.required, serviceLabel(service)).toContain('applicant');
    }
  });

  it('hold a place ARS in the routing field', () => {
    for (const service of DEMO_SERVICES) {
      expect(findFieldSchema(service.formSchema, service.routingField), serviceLabel(service)).toMatchObject({ format: 'ars' });
      const field = service.uiHints.fields.find((candidate) => candidate.path === service.routingField);
      expect(field?.widget, serviceLabel(service)).toBe('place');
    }
    const event = DEMO_SERVICES.find((service) => service.name === 'Anzeige einer Veranstaltung');
    expect(event?.routingField).toBe('venue.placeArs');
    expect(event?.level).toBe('municipal');
    expect(DEMO_SERVICES.find((service) => service.id === RESIDENT_PARKING_ID)?.level).toBe('district');
  });

  it('give every field a label and exactly one step', () => {
    for (const service of DEMO_SERVICES) {
      const leaves = allLeafPaths(service.formSchema).sort();
      const labelled = service.uiHints.fields.map((field) => field.path).sort();
      const stepped = service.uiHints.steps.flatMap((step) => step.fields).sort();
      expect(labelled, serviceLabel(service)).toEqual(leaves);
      expect(stepped, serviceLabel(service)).toEqual(leaves);
    }
  });

  it('offer exactly the enum values as options', () => {
    for (const service of DEMO_SERVICES) {
      for (const field of service.uiHints.fields.filter((candidate) => candidate.widget === 'radio' || candidate.widget === 'select')) {
        const schema = findFieldSchema(service.formSchema, field.path);
        expect(field.options?.map((option) => option.value), `${serviceLabel(service)} ${field.path}`).toEqual(schema?.enum);
      }
      for (const field of service.uiHints.fields.filter((candidate) => candidate.widget === 'checkbox')) {
        expect(findFieldSchema(service.formSchema, field.path), field.path).toEqual({ type: 'boolean', const: true });
      }
    }
  });

  it('have German status texts for every citizen-visible status', () => {
    for (const service of DEMO_SERVICES) {
      for (const status of ['submitted', 'accepted', 'in_progress', 'action_required', 'approved', 'rejected', 'withdrawn'] as const) {
        expect(service.statusTexts[status]?.length ?? 0, `${serviceLabel(service)} ${status}`).toBeGreaterThan(20);
      }
      expect(service.demoValues, serviceLabel(service)).toBe(true);
    }
  });

  it('require the Fahrzeugschein for the parking permit', () => {
    for (const service of DEMO_SERVICES.filter((candidate) => candidate.id === RESIDENT_PARKING_ID)) {
      const required = service.documents.filter((document) => document.required);
      expect(required).toHaveLength(1);
      expect(required[0]).toMatchObject({ acceptedTypes: ['application/pdf', 'image/jpeg', 'image/png'], maxBytes: 10 * 1024 * 1024 });
      expect(required[0]?.label).toContain('Fahrzeugschein');
    }
    const event = DEMO_SERVICES.find((service) => service.name === 'Anzeige einer Veranstaltung');
    expect(event?.documents.map((document) => [document.id, document.required])).toEqual([['site-plan', false]]);
  });
});

describe('demo accounts', () => {
  it('cover every role in several authorities', () => {
    for (const role of ROLES) expect(DEMO_CLERKS.some((clerk) => clerk.role === role), role).toBe(true);
    expect(new Set(DEMO_CLERKS.map((clerk) => clerk.authorityId)).size).toBeGreaterThanOrEqual(3);
    for (const authorityId of ['schwerin', 'lk-ludwigslust-parchim']) {
      const roles = new Set(DEMO_CLERKS.filter((clerk) => clerk.authorityId === authorityId).map((clerk) => clerk.role));
      expect([...roles].sort(), authorityId).toEqual([...ROLES].sort());
    }
  });

  it('use unique ids and usernames of known authorities and the documented password', () => {
    const authorityIds = new Set(DEMO_AUTHORITIES.map((authority) => authority.id));
    expect(new Set(DEMO_CLERKS.map((clerk) => clerk.id)).size).toBe(DEMO_CLERKS.length);
    expect(new Set(DEMO_CLERKS.map((clerk) => clerk.username)).size).toBe(DEMO_CLERKS.length);
    for (const clerk of DEMO_CLERKS) {
      expect(authorityIds.has(clerk.authorityId), clerk.id).toBe(true);
      expect(clerk.password).toBe(DEMO_PASSWORD);
    }
  });

  it('give Schwerin and the Landkreis one kiosk each with distinct tokens', () => {
    expect(DEMO_KIOSK_DEVICES.map((device) => device.authorityId).sort()).toEqual(['lk-ludwigslust-parchim', 'schwerin']);
    expect(new Set(DEMO_KIOSK_DEVICES.map((device) => device.token)).size).toBe(2);
    for (const device of DEMO_KIOSK_DEVICES) expect(device.token.length).toBeGreaterThanOrEqual(32);
  });
});
