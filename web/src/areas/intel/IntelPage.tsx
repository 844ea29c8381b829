import { areaById } from '../../nav/areas';
import { AreaPage } from '../AreaPage';

// The intel area has no screens of its own yet; this chunk is where they will go.
export default function IntelPage() {
  return <AreaPage area={areaById('intel')} />;
}
