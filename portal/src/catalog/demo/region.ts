// Authorities and places of the demo region: the Landeshauptstadt Schwerin and the Landkreis
// Ludwigslust-Parchim with three of its towns and the Amt Parchimer Umland.
//
// Real values: the Land key 13 (Mecklenburg-Vorpommern), the Kreis keys 13004 (Schwerin) and
// 13076 (Ludwigslust-Parchim), the postcodes of Schwerin and the seat of the Landkreis at
// Putlitzer Straße 25, 19370 Parchim.
// Demo values are in the entries with demoValues: true. Invented are the Verband and Gemeinde
// digits of every ARS below the Kreis level and all street addresses except the Landkreis seat.
// The postcodes of the places outside Schwerin are unverified. All e-mail addresses use the
// reserved .example domain, so no mail reaches a real office.
import type { Authority, Place } from '../../../../src-shared/index.ts';

export const DEMO_AUTHORITIES: Authority[] = [
  {
    id: 'schwerin',
    name: 'Landeshauptstadt Schwerin',
    kind: 'city',
    ars: '130040000000',
    referencePrefix: 'SN',
    parentDistrictId: null,
    department: 'Straßenverkehrsbehörde',
    address: 'Am Packhof 2–6, 19053 Schwerin',
    email: 'buergerservice@schwerin.example',
    demoValues: true,
  },
  {
    id: 'lk-ludwigslust-parchim',
    name: 'Landkreis Ludwigslust-Parchim',
    kind: 'district',
    ars: '130760000000',
    referencePrefix: 'LUP',
    parentDistrictId: null,
    department: 'Straßenverkehrsbehörde',
    address: 'Putlitzer Straße 25, 19370 Parchim',
    email: 'strassenverkehr@kreis-lup.example',
    demoValues: true,
  },
  {
    id: 'ludwigslust',
    name: 'Stadt Ludwigslust',
    kind: 'city',
    ars: '130760088088',
    referencePrefix: 'LWL',
    parentDistrictId: 'lk-ludwigslust-parchim',
    department: 'Ordnungsamt',
    address: 'Schloßstraße 38, 19288 Ludwigslust',
    email: 'ordnungsamt@ludwigslust.example',
    demoValues: true,
  },
  {
    id: 'neustadt-glewe',
    name: 'Stadt Neustadt-Glewe',
    kind: 'city',
    ars: '130760105105',
    referencePrefix: 'NGW',
    parentDistrictId: 'lk-ludwigslust-parchim',
    department: 'Ordnungsamt',
    address: 'Markt 1, 19306 Neustadt-Glewe',
    email: 'ordnungsamt@neustadt-glewe.example',
    demoValues: true,
  },
  {
    id: 'grabow',
    name: 'Stadt Grabow',
    kind: 'city',
    ars: '130760047047',
    referencePrefix: 'GRA',
    parentDistrictId: 'lk-ludwigslust-parchim',
    department: 'Ordnungsamt',
    address: 'Am Markt 1, 19300 Grabow',
    email: 'ordnungsamt@grabow.example',
    demoValues: true,
  },
  {
    id: 'amt-parchimer-umland',
    name: 'Amt Parchimer Umland',
    kind: 'amt',
    ars: '130765458000',
    referencePrefix: 'APU',
    parentDistrictId: 'lk-ludwigslust-parchim',
    department: 'Ordnungsamt',
    address: 'Walter-Hase-Straße 42, 19370 Parchim',
    email: 'ordnungsamt@parchimer-umland.example',
    demoValues: true,
  },
];

const DISTRICT = 'lk-ludwigslust-parchim';
const AMT = 'amt-parchimer-umland';

export const DEMO_PLACES: Place[] = [
  // Kreisfreie Stadt: every service, municipal or district level, goes to the city itself.
  {
    ars: '130040000000',
    name: 'Schwerin',
    postcodes: ['19053', '19055', '19057', '19059', '19061', '19063'],
    municipalAuthorityId: 'schwerin',
    districtAuthorityId: 'schwerin',
    demoValues: false,
  },
  { ars: '130760088088', name: 'Ludwigslust', postcodes: ['19288'], municipalAuthorityId: 'ludwigslust', districtAuthorityId: DISTRICT, demoValues: true },
  { ars: '130760105105', name: 'Neustadt-Glewe', postcodes: ['19306'], municipalAuthorityId: 'neustadt-glewe', districtAuthorityId: DISTRICT, demoValues: true },
  { ars: '130760047047', name: 'Grabow', postcodes: ['19300'], municipalAuthorityId: 'grabow', districtAuthorityId: DISTRICT, demoValues: true },
  // Member municipalities of the Amt: the Amt handles their municipal services.
  { ars: '130765458031', name: 'Domsühl', postcodes: ['19374'], municipalAuthorityId: AMT, districtAuthorityId: DISTRICT, demoValues: true },
  { ars: '130765458102', name: 'Spornitz', postcodes: ['19372'], municipalAuthorityId: AMT, districtAuthorityId: DISTRICT, demoValues: true },
  { ars: '130765458133', name: 'Ziegendorf', postcodes: ['19372'], municipalAuthorityId: AMT, districtAuthorityId: DISTRICT, demoValues: true },
  { ars: '130765458136', name: 'Zölkow', postcodes: ['19374'], municipalAuthorityId: AMT, districtAuthorityId: DISTRICT, demoValues: true },
];
