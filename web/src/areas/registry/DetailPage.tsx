import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiData } from '../../api/useApiData';
import { useLocale } from '../../i18n/useLocale';
import { useMe } from '../../session/session';
import { LoadState } from '../../ui/LoadState';
import { PageHeading } from '../../ui/PageHeading';
import { CommitmentStatusForm } from './CommitmentStatusForm';
import { canWrite, DemoMarker, NamesTable, RecordFields, SourceCitation } from './Common';
import { DeleteRecord } from './DeleteRecord';
import { FORMS } from './kindForms';
import { MechanismSections } from './MechanismSections';
import { type KindInfo, REGISTRY_API, type RegistryRecord, recordTitle } from './model';

/** One record: every field, its names in the three languages, where its facts come from. */
export default function DetailPage({ kind }: { kind: KindInfo }) {
  const { id = '' } = useParams();
  const record = useApiData<RegistryRecord>(`${REGISTRY_API}/${kind.path}/${encodeURIComponent(id)}`);
  return <LoadState loadable={record}>{(data) => <RecordView kind={kind} initial={data} />}</LoadState>;
}

function RecordView({ kind, initial }: { kind: KindInfo; initial: RegistryRecord }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const writer = canWrite(me.permissions);
  // A recorded status answers with the whole changed commitment; it replaces the one first read.
  const [record, setRecord] = useState(initial);
  const title = recordTitle(record, locale);
  return (
    <article className="area registry registry-record" data-area="registry">
      <p className="breadcrumb">
        <Link to="/registry">{t('areas.registry.title')}</Link> ›{' '}
        <Link to={`/registry/${kind.path}`}>{t(kind.title)}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {record.demo && <DemoMarker source={record.source} />}
      {writer && (
        <div className="record-actions">
          <EditLink kind={kind} record={record} />
          <DeleteRecord kind={kind} record={record} />
        </div>
      )}
      <div className="record-grid">
        {record.names && <NamesTable names={record.names} />}
        <RecordFields
          record={record}
          omit={kind.path === 'mechanisms' ? ['workingGroups', 'cadences'] : []}
        />
        {record.source && <SourceCitation source={record.source} />}
      </div>
      {kind.path === 'mechanisms' && typeof record.code === 'string' && (
        <MechanismSections mechanism={record} />
      )}
      {kind.path === 'commitments' && writer && (
        <CommitmentStatusForm commitment={record} onRecorded={setRecord} />
      )}
    </article>
  );
}

/** The way to this record's form: meetings have their own, the other kinds the generic one. */
function EditLink({ kind, record }: { kind: KindInfo; record: RegistryRecord }) {
  const { t } = useTranslation();
  const spec = FORMS[kind.path];
  const label = kind.path === 'meetings' ? t('registry.edit.editMeeting') : spec ? t(spec.editTitle) : null;
  if (!label) return null;
  return (
    <Link className="button-link" to={`/registry/${kind.path}/${record.id}/edit`}>
      {label}
    </Link>
  );
}
