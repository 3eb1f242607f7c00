// Money from integer minor units with its currency; dates in the operator's time zone.

const digitsOf = (currency: string): number => {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
};

export const formatMoney = (minor: number, currency = 'USD'): string => {
  const major = minor / 10 ** digitsOf(currency);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(major);
  } catch {
    return `${major.toFixed(2)} ${currency}`;
  }
};

const local = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const utc = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

export const formatLocal = (iso: string): string => {
  const date = new Date(iso);
  // A bare date (YYYY-MM-DD) is a calendar day, not an instant: shown as is.
  return Number.isNaN(date.getTime()) || /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : local.format(date);
};

export const formatUtc = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${utc.format(date)} UTC`;
};

export const shortId = (id: string): string => id.slice(0, 8);
