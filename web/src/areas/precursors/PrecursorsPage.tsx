import { areaById } from '../../nav/areas';
import { AreaPage } from '../AreaPage';

// The precursors area has no screens of its own yet; this chunk is where they will go.
export default function PrecursorsPage() {
  return <AreaPage area={areaById('precursors')} />;
}
