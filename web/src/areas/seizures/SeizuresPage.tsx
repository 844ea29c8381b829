import { areaById } from '../../nav/areas';
import { AreaPage } from '../AreaPage';

// The seizures area has no screens of its own yet; this chunk is where they will go.
export default function SeizuresPage() {
  return <AreaPage area={areaById('seizures')} />;
}
