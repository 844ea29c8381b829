import { areaById } from '../../nav/areas';
import { AreaPage } from '../AreaPage';

// The entities area has no screens of its own yet; this chunk is where they will go.
export default function EntitiesPage() {
  return <AreaPage area={areaById('entities')} />;
}
