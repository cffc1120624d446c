import { createMeeting, type Meeting } from './meeting.ts';

/**
 * The meeting the seed's note verbale No. 17-1/298 convenes: the SWG, online, on 2 June 2021
 * at 14:00 by Nur-Sultan time. Nur-Sultan keeps the zone Asia/Almaty in the tz database.
 * The seed gives no link or duration: these are the demo's.
 */
export function seedSwgMeeting(link = 'https://meet.example.org/cica-swg-2021-06-02'): Meeting {
  return createMeeting({
    id: 'swg-2021-06-02',
    body: 'swg',
    title: 'Online meeting of the CICA Special Working Group (SWG)',
    format: { kind: 'online', link },
    seatZone: 'Asia/Almaty',
    localStart: '2021-06-02T14:00',
    durationMinutes: 180,
    documents: [{ id: 'cica-catalogue-draft', title: 'Draft of the updated CICA Catalogue of Confidence Building Measures' }],
    participants: [],
  });
}
