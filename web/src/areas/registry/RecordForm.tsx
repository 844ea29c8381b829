import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import { describeError } from '../../api/errors';
import { useApiData } from '../../api/useApiData';
import NotFoundPage from '../../pages/NotFoundPage';
import { useMe } from '../../session/session';
import { LoadState } from '../../ui/LoadState';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { canWrite } from './Common';
import { RowsControl, ScalarControl } from './FormControls';
import { errorPaths, type FormSpec, type FormValues, formBody, formValues, type Row } from './formSpec';
import { FORMS } from './kindForms';
import { errorsByField, kindByPath, REGISTRY_API, type RegistryRecord } from './model';
import { useNodeText } from './useNodeText';
import { useRefOptions } from './useRefOptions';
import './registry-forms.css';

/** Create a record of any kind but meetings (/registry/:kind/new), or change one (/registry/:kind/:id/edit). */
export default function RecordFormPage() {
  const { kind = '', id } = useParams();
  const me = useMe();
  const { t } = useTranslation();
  const spec = FORMS[kind];
  if (!spec) return <NotFoundPage />;
  if (!canWrite(me.permissions)) return <Notice tone="error">{t('errors.forbidden')}</Notice>;
  return id ? <EditRecord spec={spec} id={id} /> : <RecordForm spec={spec} />;
}

function EditRecord({ spec, id }: { spec: FormSpec; id: string }) {
  const record = useApiData<RegistryRecord>(`${REGISTRY_API}/${spec.path}/${encodeURIComponent(id)}`);
  return <LoadState loadable={record}>{(data) => <RecordForm spec={spec} record={data} />}</LoadState>;
}

type Errors = Record<string, string[]>;

export function RecordForm({ spec, record }: { spec: FormSpec; record?: RegistryRecord }) {
  const { t } = useTranslation();
  const nodeText = useNodeText();
  const navigate = useNavigate();
  const refs = useRefOptions(spec);
  const [values, setValues] = useState<FormValues>(() => formValues(spec, record));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kind = kindByPath(spec.path);
  const title = t(record ? spec.editTitle : spec.newTitle);

  const errorOf = (...paths: string[]) =>
    paths
      .flatMap((p) => errors[p] ?? [])
      .map(nodeText)
      .join('; ') || undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      const saved = await save(spec, values, record);
      navigate(`/registry/${spec.path}/${saved.id}`);
    } catch (error) {
      const byField =
        error instanceof ApiError && error.status === 400
          ? errorsByField(error.problem, errorPaths(spec, values))
          : {};
      setErrors(byField);
      const message = describeError(error);
      setFailure(Object.keys(byField).length ? t('registry.edit.invalid') : t(message.key, message.values));
      setBusy(false);
    }
  };

  return (
    <article className="area registry" data-area="registry">
      <p className="breadcrumb">
        <Link to="/registry">{t('areas.registry.title')}</Link> ›{' '}
        <Link to={`/registry/${spec.path}`}>{kind ? t(kind.title) : spec.path}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <form className="registry-form record-form" onSubmit={submit} noValidate>
        {failure && <Notice tone="error">{failure}</Notice>}
        {errors['']?.map((m) => (
          <p key={m} className="field-error">
            {nodeText(m)}
          </p>
        ))}
        {spec.fields.map((field) =>
          field.control === 'rows' ? (
            <RowsControl
              key={field.key}
              spec={field}
              rows={(values[field.key] as Row[] | undefined) ?? []}
              onChange={(rows) => setValues((v) => ({ ...v, [field.key]: rows }))}
              errorOf={(path) => errorOf(path)}
              refs={refs}
            />
          ) : (
            <ScalarControl
              key={field.key}
              spec={field}
              value={(values[field.key] as string | boolean | undefined) ?? ''}
              onChange={(value) => setValues((v) => ({ ...v, [field.key]: value }))}
              error={errorOf(field.key, ...(field.alsoErrors ?? []))}
              disabled={record !== undefined && field.createOnly}
              refs={refs}
            />
          ),
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('registry.edit.saving') : t('registry.edit.save')}
          </button>
          <Link to={record ? `/registry/${spec.path}/${record.id}` : `/registry/${spec.path}`}>
            {t('registry.edit.cancel')}
          </Link>
        </div>
      </form>
    </article>
  );
}

/** Creates the record, or changes it at the version the form was filled from (409 if someone was quicker). */
function save(spec: FormSpec, values: FormValues, record?: RegistryRecord): Promise<RegistryRecord> {
  const body = formBody(spec, values, record !== undefined);
  return record
    ? api<RegistryRecord>(`${REGISTRY_API}/${spec.path}/${record.id}`, {
        method: 'PATCH',
        body: { ...body, expectedVersion: record.version },
      })
    : api<RegistryRecord>(`${REGISTRY_API}/${spec.path}`, { method: 'POST', body });
}
