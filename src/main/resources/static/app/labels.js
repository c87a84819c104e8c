// Human labels: what the page shows instead of field names, enumeration values and ISO dates.

const FIELDS = {
  id: 'Id', name: 'Name', title: 'Title', kind: 'Kind', type: 'Type', country: 'Country', region: 'Region',
  themes: 'Themes', riskLevel: 'Risk level', consentToIntroduce: 'Agrees to introduce others',
  confidential: 'Confidential', channels: 'How to reach', notes: 'Notes', scope: 'Scope',
  ecosocStatus: 'ECOSOC status', holderType: 'Held by', mandate: 'Mandate', mandates: 'Mandates',
  date: 'Date', startDate: 'From', endDate: 'To', place: 'Place', organiser: 'Organiser',
  summary: 'Summary', trust: 'Trust (1–5)', since: 'Since', lastContact: 'Last contact', role: 'Role',
  activities: 'Activities', introducer: 'Introducer', introduced: 'Person introduced',
  recipient: 'Introduced to', status: 'Status', note: 'Note', followUp: 'Follow-up',
  createdAt: 'Recorded', updatedAt: 'Last changed', recordedBy: 'Recorded by', recordedAt: 'Recorded on',
  responsibleOfficer: 'Responsible officer', from: 'From', to: 'To',
};

/** Words kept in capitals when an enumeration value is shown. */
const ACRONYMS = new Set(['UN', 'NGO', 'NHRI', 'ECOSOC', 'LGBTI', 'ENACA', 'INGO', 'CSO', 'UPR', 'OHCHR', 'HRC']);

const SPECIAL = {
  ARAB_REGION: 'Arab region', ENACA: 'Europe, North America and Central Asia', ASIA_PACIFIC: 'Asia-Pacific',
  LATIN_AMERICA_CARIBBEAN: 'Latin America and the Caribbean', AFRICA: 'Africa',
  UN_STAFF: 'UN staff', WOMENS_RIGHTS: "Women's rights", REPORT_SENT: 'Report sent', NOT_SENT: 'Report not sent',
  INFORMED: 'Informed', NOT_INFORMED: 'Not informed', KNOWS: 'Knows', AFFILIATED_WITH: 'Affiliated with',
  PARTNERS_WITH: 'Partners with', MEMBER_OF: 'Member of', SOURCE_OF: 'Source of', MET_DURING: 'Met during',
  ATTENDED: 'Attended', CountryVisit: 'Country visit', INTRODUCER: 'Introducer', INTRODUCED: 'Introduced',
  RECIPIENT: 'Introduced to',
};

/** The label of a field name ("riskLevel" → "Risk level"). */
export function fieldLabel(name) {
  if (FIELDS[name]) return FIELDS[name];
  const words = String(name).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The label of an enumeration value or a theme ("ARAB_REGION" → "Arab region", "LGBTI" stays). */
export function enumLabel(value) {
  if (value === undefined || value === null || value === '') return '';
  const text = String(value);
  if (SPECIAL[text]) return SPECIAL[text];
  if (!/^[A-Z0-9_]+$/.test(text)) return text;
  const words = text.split('_').map((w) => (ACRONYMS.has(w) ? w : w.toLowerCase()));
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
});

/** "2025-03-01" → "1 Mar 2025"; an instant also gets its time; anything else is returned as it is. */
export function formatDate(value) {
  if (!value) return '';
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return DATE.format(new Date(`${text}T00:00:00Z`));
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? text : DATE_TIME.format(instant);
}

/** Any value of a record as text: dates, enumerations, lists, booleans. */
export function valueLabel(name, value) {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map((v) => valueLabel(name, v)).join(', ') : '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (/(date|Date|since|lastContact|At)$/.test(name) || name === 'date') return formatDate(value);
  if (typeof value === 'string' && /^[A-Z0-9_]+$/.test(value) && name !== 'country' && name !== 'id') return enumLabel(value);
  return String(value);
}

/** "Contact" → "Contact", "CountryVisit" → "Country visit". */
export function kindLabel(label) {
  return enumLabel(label);
}
