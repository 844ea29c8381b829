import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../ui/PageHeading';
import { MappingStep } from './MappingStep';
import type { Detection, SeizureImport } from './model';
import { PreviewStep } from './PreviewStep';
import { SeizuresNav } from './SeizuresNav';
import { UploadStep } from './UploadStep';
import { WizardSteps } from './WizardSteps';

type Step =
  | { name: 'upload' }
  | { name: 'mapping'; imp: SeizureImport; detection: Detection }
  | { name: 'preview'; imp: SeizureImport; detection: Detection };

/**
 * Upload → mapping → preview; running the import moves to the import's own page (progress, then its report),
 * which can be reopened later from its address.
 */
export default function ImportWizard() {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ name: 'upload' });
  const title = t('seizures.wizard.title');
  return (
    <article className="area seizures" data-area="seizures">
      <p className="breadcrumb">
        <Link to="/seizures">{t('areas.seizures.title')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <SeizuresNav />
      <WizardSteps current={step.name} />
      {step.name === 'upload' && (
        <UploadStep onUploaded={(u) => setStep({ name: 'mapping', imp: u.import, detection: u.detection })} />
      )}
      {step.name === 'mapping' && (
        <MappingStep
          imp={step.imp}
          detection={step.detection}
          onMapped={(imp) => setStep({ name: 'preview', imp, detection: step.detection })}
        />
      )}
      {step.name === 'preview' && (
        <PreviewStep
          imp={step.imp}
          onBack={() => setStep({ name: 'mapping', imp: step.imp, detection: step.detection })}
        />
      )}
    </article>
  );
}
