import { areaById } from '../../nav/areas';
import { AreaPage } from '../AreaPage';

// The registry area has no screens of its own yet; this chunk is where they will go.
export default function RegistryPage() {
  return <AreaPage area={areaById('registry')} />;
}
