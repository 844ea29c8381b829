import { areaById } from '../../nav/areas';
import { AreaPage } from '../AreaPage';

// The federation area has no screens of its own yet; this chunk is where they will go.
export default function FederationPage() {
  return <AreaPage area={areaById('federation')} />;
}
