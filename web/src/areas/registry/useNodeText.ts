import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { nodeMessage } from './nodeErrors';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Says a message of the node in the user's language when it is one we know, with dates written out. */
export function useNodeText(): (message: string) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  return (message) => {
    const known = nodeMessage(message);
    if (!known) return message;
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(known.values ?? {})) {
      values[name] =
        typeof value === 'string' && ISO_DATE.test(value) ? formatDate(`${value}T00:00:00Z`, locale) : value;
    }
    for (const [name, field] of Object.entries(known.fields ?? {})) {
      values[name.replace(/Field$/, '')] = 'key' in field ? t(field.key) : field.raw;
    }
    return t(known.key, values);
  };
}
