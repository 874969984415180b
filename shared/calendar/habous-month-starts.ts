// The first days of Hijri months in Morocco, as announced by the Ministry of Habous and Islamic
// Affairs (وزارة الأوقاف والشؤون الإسلامية) after its sighting of the crescent. Each entry is one
// announcement, with the page that reports it (the Ministry's communiqué quoted by the press).
// Only announcements that were found are listed: a month missing here is computed
// (moroccan-hijri.ts, within the 29 or 30 days its announced neighbours leave), never guessed. Add a month with its source; tests/unit/moroccan-hijri.test.ts
// checks the table against other facts of the same announcements (the 29th of the month before,
// the Mawlid, the Eid).

export interface MonthStart {
  year: number;
  /** 1 = محرم … 12 = ذو الحجة. */
  month: number;
  /** The Gregorian day that was the 1st of the month in Morocco. */
  start: string;
  source: string;
}

export const habousMonthStarts: readonly MonthStart[] = [
  // 1441
  { year: 1441, month: 9, start: '2020-04-25', source: 'https://casagood.info/%d9%88%d8%b2%d8%a7%d8%b1%d8%a9-%d8%a7%d9%84%d8%a3%d9%88%d9%82%d8%a7%d9%81-%d8%aa%d8%b9%d9%84%d9%86-%d8%a3%d9%88%d9%84-%d8%a3%d9%8a%d8%a7%d9%85-%d8%b1%d9%85%d8%b6%d8%a7%d9%86-%d8%a8%d8%a7%d9%84%d9%85/' },
  // 1442
  { year: 1442, month: 7, start: '2021-02-13', source: 'https://al-intifada.com/2021/02/12/%d9%88%d8%b2%d8%a7%d8%b1%d8%a9-%d8%a7%d9%84%d8%a3%d9%88%d9%82%d8%a7%d9%81-%d8%aa%d8%b9%d9%84%d9%86-%d8%ba%d8%af%d8%a7-%d8%a7%d9%84%d8%b3%d8%a8%d8%aa-%d8%a3%d9%88%d9%84-%d8%a3%d9%8a%d8%a7%d9%85-%d8%b4/' },
  { year: 1442, month: 10, start: '2021-05-13', source: 'https://preprod.agora.ma/2021/05/12/%d9%88%d8%b2%d8%a7%d8%b1%d8%a9-%d8%a7%d9%84%d8%a3%d9%88%d9%82%d8%a7%d9%81-%d9%88%d8%a7%d9%84%d8%b4%d8%a4%d9%88%d9%86-%d8%a7%d9%84%d8%a5%d8%b3%d9%84%d8%a7%d9%85%d9%8a%d8%a9-%d8%aa%d8%b9%d9%84%d9%86-4' },
  // 1443
  { year: 1443, month: 3, start: '2021-10-08', source: 'https://walaw.press/%D9%88%D8%B2%D8%A7%D8%B1%D8%A9_%D8%A7%D9%84%D8%A3%D9%88%D9%82%D8%A7%D9%81_%D8%AA%D9%83%D8%B4%D9%81_%D9%85%D9%88%D8%B9%D8%AF_%D8%B0%D9%83%D8%B1%D9%89_%D8%A7%D9%84%D9%85%D9%88%D9%84%D8%AF_%D8%A7%D9%84%D9%86%D8%A8%D9%88%D9%8A_%D8%A7%D9%84%D8%B4%D8%B1%D9%8A%D9%81/%D9%85%D9%82%D8%A7%D9%84%D8%A7%D8%AA/GXRSRLRWFPPG' },
  { year: 1443, month: 6, start: '2022-01-04', source: 'https://sport.walaw.press/ar/وزارة_الأوقاف.._الثلاثاء_هو_فاتح_شهر_جمادى_الآخرة_لعام_1443_هـ/مقالات/GGWGFRLQFSMR' },
  { year: 1443, month: 7, start: '2022-02-03', source: 'https://maghress.com/tanjanews/106426' },
  { year: 1443, month: 9, start: '2022-04-03', source: 'https://ar.lesiteinfo.com/maroc/%d8%b1%d8%b3%d9%85%d9%8a%d8%a7-%d9%88%d8%b2%d8%a7%d8%b1%d8%a9-%d8%a7%d9%84%d8%a3%d9%88%d9%82%d8%a7%d9%81-%d9%88%d8%a7%d9%84%d8%b4%d8%a4%d9%88%d9%86-%d8%a7%d9%84%d8%a5%d8%b3%d9%84%d8%a7%d9%85%d9%8a-2-637588.html' },
  { year: 1443, month: 10, start: '2022-05-02', source: 'https://adwae.net/%d8%b9%d9%8a%d8%af-%d8%a7%d9%84%d9%81%d8%b7%d8%b1-%d8%a7%d9%84%d9%85%d8%a8%d8%a7%d8%b1%d9%83-%d8%ba%d8%af%d8%a7-%d8%a7%d9%84%d8%a7%d8%ab%d9%86%d9%8a%d9%86-%d8%a8%d8%a7%d9%84%d9%85%d8%ba%d8%b1%d8%a8' },
  // 1444: every month from صفر on.
  { year: 1444, month: 2, start: '2022-08-29', source: 'https://www.akhbarona.com/national/353714.html' },
  { year: 1444, month: 3, start: '2022-09-28', source: 'https://eljadidaexpress.ma/p/48164' },
  { year: 1444, month: 4, start: '2022-10-27', source: 'https://alwataniapress.net/2022/10/27/20451/?amp=1' },
  { year: 1444, month: 5, start: '2022-11-26', source: 'https://ar.yabiladi.com/articles/details/134281/%D9%81%D8%A7%D8%AA%D8%AD-%D8%B4%D9%87%D8%B1-%D8%AC%D9%85%D8%A7%D8%AF%D9%89-%D8%A7%D9%84%D8%A3%D9%88%D9%84%D9%89-1444.html' },
  { year: 1444, month: 6, start: '2022-12-25', source: 'https://ma24tv.ma/2022/12/24/%d9%81%d8%a7%d8%aa%d8%ad-%d8%b4%d9%87%d8%b1-%d8%ac%d9%85%d8%a7%d8%af%d9%89-%d8%a7%d9%84%d8%a3%d8%ae%d9%8a%d8%b1%d8%a9-%d9%84%d8%b9%d8%a7%d9%85-1444-%d9%87%d9%88-%d9%8a%d9%88%d9%85-%d8%ba%d8%af-%d8%a7/' },
  { year: 1444, month: 7, start: '2023-01-23', source: 'https://www.khabarkhouribga.com/%d9%81%d8%a7%d8%aa%d8%ad-%d8%b4%d9%87%d8%b1-%d8%b1%d8%ac%d8%a8-%d9%87%d9%88-%d9%8a%d9%80%d9%88%d9%85-%d8%ba%d8%af-%d8%a7%d9%84%d8%a5%d8%ab%d9%86%d9%8a%d9%86-23-%d9%8a%d9%86%d8%a7%d9%8a%d8%b1-2023/' },
  { year: 1444, month: 8, start: '2023-02-22', source: 'https://doukkala24.com/?p=20575' },
  { year: 1444, month: 9, start: '2023-03-23', source: 'https://www.mapexpress.ma/ar/actualite/%d9%81%d8%a7%d8%aa%d8%ad-%d8%b4%d9%87%d8%b1-%d8%b1%d9%85%d8%b6%d8%a7%d9%86-%d8%a7%d9%84%d9%85%d8%b9%d8%b8%d9%85-%d9%87%d9%88-%d9%8a%d9%80%d9%88%d9%85-%d8%ba%d9%80%d8%af-%d8%a7%d9%84%d8%ae%d9%85%d9%8a/%d9%85%d8%ac%d8%aa%d9%85%d8%b9-%d9%88%d8%ac%d9%87%d8%a7%d8%aa/' },
  { year: 1444, month: 10, start: '2023-04-22', source: 'https://www.kachaf.com/details.php?n=6441bbb03d37876ded575ada' },
  { year: 1444, month: 11, start: '2023-05-21', source: 'https://www.mapress.net/%D8%A7%D9%84%D8%B4%D8%A4%D9%88%D9%86-%D8%A7%D9%84%D8%A5%D8%B3%D9%84%D8%A7%D9%85%D9%8A%D8%A9-%D8%AA%D8%B9%D9%84%D9%86-%D8%B9%D9%86-%D8%A3%D9%88%D9%84-%D8%A3%D9%8A%D8%A7%D9%85-%D8%B4%D9%87%D8%B1-%D8%B0/' },
  { year: 1444, month: 12, start: '2023-06-20', source: 'https://watanalghad.com/news24888.html' },
  // 1445
  { year: 1445, month: 1, start: '2023-07-19', source: 'https://khabayanews.ma/%d8%ba%d8%af%d8%a7-%d8%a7%d9%84%d8%a3%d8%b1%d8%a8%d8%b9%d8%a7%d8%a1-%d9%81%d8%a7%d8%aa%d8%ad-%d8%b4%d9%87%d8%b1-%d9%85%d8%ad%d8%b1%d9%85/' },
  { year: 1445, month: 3, start: '2023-09-17', source: 'https://www.arabkhabar.com/a/641681' },
  { year: 1445, month: 5, start: '2023-11-15', source: 'https://walaw.press/%D9%88%D8%B2%D8%A7%D8%B1%D8%A9_%D8%A7%D9%84%D8%A3%D9%88%D9%82%D8%A7%D9%81_%D8%AA%D8%B9%D9%84%D9%86_%D8%B9%D9%86_%D9%81%D8%A7%D8%AA%D8%AD_%D8%B4%D9%87%D8%B1_%D8%AC%D9%85%D8%A7%D8%AF%D9%89_%D8%A7%D9%84%D8%A3%D9%88%D9%84%D9%89_%D9%84%D8%B9%D8%A7%D9%85_1445_%D9%87%D9%80/%D9%85%D9%82%D8%A7%D9%84%D8%A7%D8%AA/GWQRWWMWPFGS' },
  { year: 1445, month: 6, start: '2023-12-15', source: 'https://arabkhabar.com/a/1442502' },
  { year: 1445, month: 7, start: '2024-01-13', source: 'https://arabkhabar.com/a/1672857' },
  { year: 1445, month: 10, start: '2024-04-10', source: 'https://www.marrakechalyaoum.com/%d8%b1%d8%b3%d9%85%d9%8a%d8%a7-%d9%88%d8%b2%d8%a7%d8%b1%d8%a9-%d8%a7%d9%84%d8%a3%d9%88%d9%82%d8%a7%d9%81-%d8%aa%d8%b9%d9%84%d9%86-%d8%ba%d8%af%d8%a7-%d8%a7%d9%84%d8%a3%d8%b1%d8%a8%d8%b9%d8%a7%d8%a1/' },
  { year: 1445, month: 12, start: '2024-06-08', source: 'https://www.lalamoulati.net/407758.html' },
  // 1446
  { year: 1446, month: 2, start: '2024-08-06', source: 'https://walaw.press/country/والي-جهة-الدارالبيضاء-السطات/QWSP/وزارة_الأوقاف.._فاتح_شهر_صفر_غدا_الثلاثاء/مقالات/GLQQSPRGXMGR' },
  { year: 1446, month: 4, start: '2024-10-05', source: 'https://maroc24.com/tag/%D9%88%D8%B2%D8%A7%D8%B1%D8%A9-%D8%A7%D9%84%D8%A3%D9%88%D9%82%D8%A7%D9%81-%D9%88%D8%A7%D9%84%D8%B4%D8%A4%D9%88%D9%86-%D8%A7%D9%84%D8%A5%D8%B3%D9%84%D8%A7%D9%85%D9%8A%D8%A9' },
  { year: 1446, month: 5, start: '2024-11-04', source: 'https://maroc24.com/tag/%D9%88%D8%B2%D8%A7%D8%B1%D8%A9-%D8%A7%D9%84%D8%A3%D9%88%D9%82%D8%A7%D9%81-%D9%88%D8%A7%D9%84%D8%B4%D8%A4%D9%88%D9%86-%D8%A7%D9%84%D8%A5%D8%B3%D9%84%D8%A7%D9%85%D9%8A%D8%A9' },
  // Crescent not seen after 29 شعبان = 28 February 2025: شعبان has 30 days, رمضان begins on 2 March.
  { year: 1446, month: 9, start: '2025-03-02', source: 'http://sahafati.com/ma/ar/frame/773/315628115' },
  // 1447
  { year: 1447, month: 1, start: '2025-06-27', source: 'https://ache24.ma/81126/%d9%88%d8%b2%d8%a7%d8%b1%d8%a9-%d8%a7%d9%84%d8%a3%d9%88%d9%82%d8%a7%d9%81-%d8%aa%d8%b9%d9%84%d9%86-%d8%b1%d8%b3%d9%85%d9%8a%d8%a7-%d8%b9%d9%86-%d9%85%d9%88%d8%b9%d8%af-%d9%81%d8%a7%d8%aa%d8%ad-%d9%85' },
  { year: 1447, month: 2, start: '2025-07-26', source: 'https://machahid24.com/home/470674.html' },
  { year: 1447, month: 3, start: '2025-08-25', source: 'https://ibana24.com/%d9%88%d8%b2%d8%a7%d8%b1%d8%a9-%d8%a7%d9%84%d8%a3%d9%88%d9%82%d8%a7%d9%81-%d8%aa%d8%b9%d9%84%d9%86-%d9%81%d8%a7%d8%aa%d8%ad-%d8%b1%d8%a8%d9%8a%d8%b9-%d8%a7%d9%84%d8%a3%d9%88%d9%84-%d9%88%d9%87%d8%b0/amp' },
  { year: 1447, month: 8, start: '2026-01-21', source: 'https://www.akhbarona.com/religion/420066.html' },
  { year: 1447, month: 9, start: '2026-02-19', source: 'https://daralkhabar.com/%d8%b1%d8%b3%d9%85%d9%8a%d8%a7%d9%8b-%d8%a7%d9%84%d9%85%d8%ba%d8%b1%d8%a8-%d9%8a%d8%b9%d9%84%d9%86-%d8%a7%d9%84%d8%ae%d9%85%d9%8a%d8%b3-%d8%a3%d9%88%d9%84-%d8%a3%d9%8a%d8%a7%d9%85-%d8%b4%d9%87%d8%b1' },
];
