import { areaById } from '../../nav/areas';
import { AreaPage } from '../AreaPage';

// The cases area has no screens of its own yet; this chunk is where they will go.
export default function CasesPage() {
  return <AreaPage area={areaById('cases')} />;
}
