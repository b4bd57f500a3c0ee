/**
 * date-fns patterns for the admin. The localized tokens follow the admin language (Payload formats
 * with `i18n.dateFNS`): Swedish "1 december 2026 22:43", English "December 1st, 2026 10:43 PM".
 */
export const DATE_TIME_FORMAT = 'PPP p'
export const DATE_FORMAT = 'PPP'
/** The time list of the picker: 24-hour in Swedish ("22:30"), the English habit in English. */
export const TIME_FORMAT = 'p'

/** `admin.date` of a date field with a time. */
export const dayAndTime = { pickerAppearance: 'dayAndTime', displayFormat: DATE_TIME_FORMAT, timeFormat: TIME_FORMAT } as const
/** `admin.date` of a date-only field. */
export const dateOnly = { pickerAppearance: 'default', displayFormat: DATE_FORMAT } as const
