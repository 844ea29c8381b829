// What other areas may use from the federation area: the banner for records received from partners.
export { type BannerRecord, ReceivedBanner } from './ReceivedBanner';
