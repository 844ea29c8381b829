import { areaById } from '../../nav/areas';
import { AreaPage } from '../AreaPage';

// The reports area has no screens of its own yet; this chunk is where they will go.
export default function ReportsPage() {
  return <AreaPage area={areaById('reports')} />;
}
