import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import { describeError } from '../../api/errors';
import { useApiData } from '../../api/useApiData';
import { useLocale } from '../../i18n/useLocale';
import { useMe } from '../../session/session';
import { Field } from '../../ui/Field';
import { LoadState } from '../../ui/LoadState';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { canWrite } from './Common';
import { SelectField } from './FormBits';
import {
  errorsByField,
  LEVEL_NAMES,
  MEETING_LEVELS,
  MEETING_STATUS_NAMES,
  MEETING_STATUSES,
  nameIn,
  type Page,
  REGISTRY_API,
  type RegistryRecord,
} from './model';

export interface MeetingFormValues {
  mechanism: string;
  nameEn: string;
  nameZh: string;
  nameRu: string;
  level: string;
  startsOn: string;
  endsOn: string;
  status: string;
  place: string;
  country: string;
}

export const MEETING_FIELDS = [
  'names/en',
  'names/zh',
  'names/ru',
  'names',
  'mechanism',
  'level',
  'startsOn',
  'endsOn',
  'status',
  'place',
  'country',
] as const;

export function valuesOf(meeting: RegistryRecord | undefined): MeetingFormValues {
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    mechanism: s(meeting?.mechanism),
    nameEn: meeting?.names?.en ?? '',
    nameZh: meeting?.names?.zh ?? '',
    nameRu: meeting?.names?.ru ?? '',
    level: s(meeting?.level) || 'senior_officials',
    startsOn: s(meeting?.startsOn),
    endsOn: s(meeting?.endsOn),
    status: s(meeting?.status) || 'planned',
    place: s(meeting?.place),
    country: s(meeting?.country),
  };
}

/**
 * The request body for the node. A new meeting leaves out what is empty; a change sends empty optional fields
 * as null so that clearing a field clears it on the node. The node checks everything; nothing is refused here.
 */
export function meetingBody(v: MeetingFormValues, change: boolean): Record<string, unknown> {
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  const names: Record<string, string> = {};
  if (text(v.nameEn)) names.en = v.nameEn.trim();
  if (text(v.nameZh)) names.zh = v.nameZh.trim();
  if (text(v.nameRu)) names.ru = v.nameRu.trim();
  const body: Record<string, unknown> = {
    names,
    mechanism: v.mechanism,
    level: v.level,
    startsOn: v.startsOn,
    status: v.status,
    endsOn: text(v.endsOn),
    place: text(v.place),
    country: text(v.country)?.toUpperCase() ?? null,
  };
  if (!change) {
    for (const key of ['endsOn', 'place', 'country']) if (body[key] === null) delete body[key];
  }
  if (change) {
    body.names = { en: names.en ?? null, zh: names.zh ?? null, ru: names.ru ?? null };
  }
  return body;
}

/** Create a meeting, or change one (/registry/meetings/:id/edit). */
export default function MeetingFormPage() {
  const { id } = useParams();
  const me = useMe();
  const { t } = useTranslation();
  if (!canWrite(me.permissions)) {
    return <Notice tone="error">{t('errors.forbidden')}</Notice>;
  }
  return id ? <EditMeeting id={id} /> : <MeetingForm />;
}

function EditMeeting({ id }: { id: string }) {
  const meeting = useApiData<RegistryRecord>(`${REGISTRY_API}/meetings/${encodeURIComponent(id)}`);
  return <LoadState loadable={meeting}>{(data) => <MeetingForm meeting={data} />}</LoadState>;
}

export function MeetingForm({ meeting }: { meeting?: RegistryRecord }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const mechanisms = useApiData<Page<RegistryRecord>>(`${REGISTRY_API}/mechanisms?limit=1000`);
  const [values, setValues] = useState(() => valuesOf(meeting));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = meeting ? t('registry.edit.editMeeting') : t('registry.edit.newMeeting');

  const set = (key: keyof MeetingFormValues) => (e: { target: { value: string } }) =>
    setValues({ ...values, [key]: e.target.value });
  const err = (field: string) => errors[field]?.join('; ');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      const body = meetingBody({ ...values, mechanism }, meeting !== undefined);
      const saved = meeting
        ? await api<RegistryRecord>(`${REGISTRY_API}/meetings/${meeting.id}`, {
            method: 'PATCH',
            body: { ...body, expectedVersion: meeting.version },
          })
        : await api<RegistryRecord>(`${REGISTRY_API}/meetings`, { method: 'POST', body });
      navigate(`/registry/meetings/${saved.id}`);
    } catch (error) {
      const byField =
        error instanceof ApiError && error.status === 400 ? errorsByField(error.problem, MEETING_FIELDS) : {};
      if (Object.keys(byField).length > 0) {
        setErrors(byField);
        setFailure(t('registry.edit.invalid'));
      } else {
        const message = describeError(error);
        setFailure(t(message.key, message.values));
      }
      setBusy(false);
    }
  };

  const mechanismOptions =
    mechanisms.state === 'ready'
      ? mechanisms.data.items.map((m) => ({
          value: String(m.code),
          label: `${String(m.code)} · ${nameIn(m.names, locale)}`,
        }))
      : [];
  // Until one is chosen, the select shows the first mechanism; that is the one sent.
  const mechanism = values.mechanism || mechanismOptions[0]?.value || '';

  return (
    <article className="area registry" data-area="registry">
      <p className="breadcrumb">
        <Link to="/registry">{t('areas.registry.title')}</Link> ›{' '}
        <Link to="/registry/meetings">{t('registry.kinds.meetings')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <form className="registry-form" onSubmit={submit} noValidate>
        {failure && <Notice tone="error">{failure}</Notice>}
        {errors['']?.map((m) => (
          <p key={m} className="field-error">
            {m}
          </p>
        ))}
        <SelectField
          label={t('registry.fields.mechanism')}
          value={mechanism}
          onChange={set('mechanism')}
          error={err('mechanism')}
          options={mechanismOptions}
        />
        <Field
          label={t('registry.edit.nameEn')}
          lang="en"
          value={values.nameEn}
          onChange={set('nameEn')}
          error={[err('names/en'), err('names')].filter(Boolean).join('; ') || undefined}
        />
        <Field
          label={t('registry.edit.nameZh')}
          lang="zh-CN"
          value={values.nameZh}
          onChange={set('nameZh')}
          error={err('names/zh')}
        />
        <Field
          label={t('registry.edit.nameRu')}
          lang="ru"
          value={values.nameRu}
          onChange={set('nameRu')}
          error={err('names/ru')}
        />
        <SelectField
          label={t('registry.fields.level')}
          value={values.level}
          onChange={set('level')}
          error={err('level')}
          options={MEETING_LEVELS.map((l) => ({
            value: l,
            label: t(LEVEL_NAMES[l] ?? 'registry.levels.other'),
          }))}
        />
        <div className="field-pair">
          <Field
            label={t('registry.fields.startsOn')}
            type="date"
            value={values.startsOn}
            onChange={set('startsOn')}
            error={err('startsOn')}
          />
          <Field
            label={t('registry.fields.endsOn')}
            type="date"
            value={values.endsOn}
            onChange={set('endsOn')}
            error={err('endsOn')}
          />
        </div>
        <SelectField
          label={t('registry.fields.status')}
          value={values.status}
          onChange={set('status')}
          error={err('status')}
          options={MEETING_STATUSES.map((s) => ({
            value: s,
            label: t(MEETING_STATUS_NAMES[s] ?? 'registry.meetingStatus.planned'),
          }))}
        />
        <Field
          label={t('registry.fields.place')}
          value={values.place}
          onChange={set('place')}
          error={err('place')}
        />
        <Field
          label={t('registry.fields.country')}
          hint={t('registry.edit.countryHint')}
          value={values.country}
          maxLength={2}
          onChange={set('country')}
          error={err('country')}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('registry.edit.saving') : t('registry.edit.save')}
          </button>
          <Link to={meeting ? `/registry/meetings/${meeting.id}` : '/registry/meetings'}>
            {t('registry.edit.cancel')}
          </Link>
        </div>
      </form>
    </article>
  );
}
