/**
 * The sources of the published figures (benchmarks.ts): the full reference
 * of each, so every figure shown beside a clinician's own can be traced.
 */

export type BenchmarkSourceId =
  | 'sinsky2024'
  | 'melnick2021'
  | 'arndt2017'
  | 'sinsky2016'
  | 'overhage2020'
  | 'holmgren2021'
  | 'dhsc2020'
  | 'bma2022'
  | 'tact2025';

export interface BenchmarkSource {
  id: BenchmarkSourceId;
  /** "Sinsky et al., J Gen Intern Med 2024" — for labels. */
  short: string;
  /** Full reference (Vancouver style). */
  citation: string;
  doi: string | null;
  url: string | null;
}

export const BENCHMARK_SOURCES: Readonly<Record<BenchmarkSourceId, BenchmarkSource>> = {
  sinsky2024: {
    id: 'sinsky2024',
    short: 'Sinsky et al., J Gen Intern Med 2024',
    // Title, volume and pages not verified from a primary copy; the DOI is.
    citation:
      'Sinsky CA, et al. National study of ambulatory physician EHR time by specialty (Epic Signal data, November 2021–April 2022). J Gen Intern Med. 2024. doi:10.1007/s11606-024-08930-4',
    doi: '10.1007/s11606-024-08930-4',
    url: 'https://link.springer.com/article/10.1007/s11606-024-08930-4',
  },
  melnick2021: {
    id: 'melnick2021',
    short: 'Melnick et al., JAMIA 2021',
    citation:
      'Melnick ER, Ong SY, Fong A, Socrates V, Ratwani RM, Nath B, Simonov M, Salgia A, Williams B, Marchalik D, Goldstein R, Sinsky CA. Characterizing physician EHR use with vendor derived data: a feasibility study and cross-sectional analysis. J Am Med Inform Assoc. 2021;28(7):1383-1392. doi:10.1093/jamia/ocab011',
    doi: '10.1093/jamia/ocab011',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8279798/',
  },
  arndt2017: {
    id: 'arndt2017',
    short: 'Arndt et al., Ann Fam Med 2017',
    citation:
      'Arndt BG, Beasley JW, Watkinson MD, Temte JL, Tuan WJ, Sinsky CA, Gilchrist VJ. Tethered to the EHR: primary care physician workload assessment using EHR event log data and time-motion observations. Ann Fam Med. 2017;15(5):419-426. doi:10.1370/afm.2121',
    doi: '10.1370/afm.2121',
    url: 'https://www.annfammed.org/content/15/5/419',
  },
  sinsky2016: {
    id: 'sinsky2016',
    short: 'Sinsky et al., Ann Intern Med 2016',
    citation:
      'Sinsky C, Colligan L, Li L, Prgomet M, Reynolds S, Goeders L, Westbrook J, Tutty M, Blike G. Allocation of physician time in ambulatory practice: a time and motion study in 4 specialties. Ann Intern Med. 2016;165(11):753-760. doi:10.7326/M16-0961',
    doi: '10.7326/M16-0961',
    url: 'https://www.acpjournals.org/doi/10.7326/M16-0961',
  },
  overhage2020: {
    id: 'overhage2020',
    short: 'Overhage & McCallie, Ann Intern Med 2020',
    citation:
      'Overhage JM, McCallie D Jr. Physician time spent using the electronic health record during outpatient encounters: a descriptive study. Ann Intern Med. 2020;172(3):169-174. doi:10.7326/M18-3684',
    doi: '10.7326/M18-3684',
    url: 'https://pubmed.ncbi.nlm.nih.gov/31931523/',
  },
  holmgren2021: {
    id: 'holmgren2021',
    short: 'Holmgren et al., JAMA Intern Med 2021',
    citation:
      'Holmgren AJ, Downing NL, Bates DW, Shanafelt TD, Milstein A, Sharp CD, Cutler DM, Huckman RS, Schulman KA. Assessment of electronic health record use between US and non-US health systems. JAMA Intern Med. 2021;181(2):251-259. doi:10.1001/jamainternmed.2020.7071',
    doi: '10.1001/jamainternmed.2020.7071',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC7737152/',
  },
  dhsc2020: {
    id: 'dhsc2020',
    short: 'DHSC, January 2020',
    citation:
      'Department of Health and Social Care. Announcement of £40 million to cut NHS staff login times (the "logins project"), with the single sign-on example of Alder Hey Children’s Hospital, Liverpool. London: DHSC; 4 January 2020.',
    doi: null,
    url: null,
  },
  bma2022: {
    id: 'bma2022',
    short: 'BMA, Building the future: getting IT right, 2022',
    citation:
      'British Medical Association. Building the future: getting IT right — a prescription for safe, modern healthcare. London: BMA; December 2022.',
    doi: null,
    url: null,
  },
  tact2025: {
    id: 'tact2025',
    short: 'Arab et al. (TACT study), QJM 2025',
    citation:
      'Arab S, Chhatwal K, Hargreaves T, Sorbini M, El-Toukhy S, Vedi CJ, Alghabra Y, Merzah J, Rosen SD. Time Allocation in Clinical Training (TACT): national study reveals resident doctors spend four hours on admin for every hour with patients. QJM. 2025. doi:10.1093/qjmed/hcaf141',
    doi: '10.1093/qjmed/hcaf141',
    url: null,
  },
};
