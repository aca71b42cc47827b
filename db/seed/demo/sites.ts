// The site tree of Wuzhong (吴忠市): city, counties, townships and institutions.
import { sh } from './calendar';
import type { DemoBuilder } from './context';
import * as N from '../names';

export interface SiteDef {
  code: string;
  seg: string;
  kind: 'city' | 'county' | 'township' | 'institution';
  parent: string | null;
  zh: string;
  en: string;
  /** Private child records kept at this site. */
  kids: number;
}

export const SITE_DEFS: readonly SiteDef[] = [
  { code: 'wz', seg: 'wz', kind: 'city', parent: null, zh: '吴忠市', en: 'Wuzhong City', kids: 0 },
  { code: 'wz-fly', seg: 'fly', kind: 'institution', parent: 'wz', zh: '吴忠市儿童福利院', en: "Wuzhong Children's Welfare Home", kids: 15 },
  { code: 'lt', seg: 'lt', kind: 'county', parent: 'wz', zh: '利通区', en: 'Litong District', kids: 0 },
  { code: 'lt-wb', seg: 'wb', kind: 'institution', parent: 'lt', zh: '利通区未成年人救助保护中心', en: 'Litong District Minors Protection Centre', kids: 60 },
  { code: 'lt-jj', seg: 'jj', kind: 'township', parent: 'lt', zh: '金积镇未成年人救助保护站', en: 'Jinji Town Minors Protection Station', kids: 90 },
  { code: 'lt-jj-et', seg: 'et', kind: 'institution', parent: 'lt-jj', zh: '金积镇儿童之家', en: "Jinji Town Children's Home", kids: 70 },
  { code: 'lt-dts', seg: 'dts', kind: 'township', parent: 'lt', zh: '东塔寺乡未成年人救助保护站', en: 'Dongtasi Township Minors Protection Station', kids: 80 },
  { code: 'hsb', seg: 'hsb', kind: 'county', parent: 'wz', zh: '红寺堡区', en: 'Hongsibu District', kids: 0 },
  { code: 'hsb-wb', seg: 'wb', kind: 'institution', parent: 'hsb', zh: '红寺堡区未成年人救助保护中心', en: 'Hongsibu District Minors Protection Centre', kids: 50 },
  { code: 'hsb-dh', seg: 'dh', kind: 'township', parent: 'hsb', zh: '大河乡未成年人救助保护站', en: 'Dahe Township Minors Protection Station', kids: 90 },
  { code: 'hsb-dh-et', seg: 'et', kind: 'institution', parent: 'hsb-dh', zh: '大河乡儿童之家', en: "Dahe Township Children's Home", kids: 60 },
  { code: 'qtx', seg: 'qtx', kind: 'county', parent: 'wz', zh: '青铜峡市', en: 'Qingtongxia City', kids: 0 },
  { code: 'qtx-wb', seg: 'wb', kind: 'institution', parent: 'qtx', zh: '青铜峡市未成年人救助保护中心', en: 'Qingtongxia City Minors Protection Centre', kids: 50 },
  { code: 'qtx-ys', seg: 'ys', kind: 'township', parent: 'qtx', zh: '叶盛镇未成年人救助保护站', en: 'Yesheng Town Minors Protection Station', kids: 90 },
  { code: 'yc', seg: 'yc', kind: 'county', parent: 'wz', zh: '盐池县', en: 'Yanchi County', kids: 0 },
  { code: 'yc-wb', seg: 'wb', kind: 'institution', parent: 'yc', zh: '盐池县未成年人救助保护中心', en: 'Yanchi County Minors Protection Centre', kids: 50 },
  { code: 'yc-hmc', seg: 'hmc', kind: 'township', parent: 'yc', zh: '花马池镇未成年人救助保护站', en: 'Huamachi Town Minors Protection Station', kids: 90 },
  { code: 'yc-hmc-et', seg: 'et', kind: 'institution', parent: 'yc-hmc', zh: '花马池镇儿童之家', en: "Huamachi Town Children's Home", kids: 55 },
  { code: 'tx', seg: 'tx', kind: 'county', parent: 'wz', zh: '同心县', en: 'Tongxin County', kids: 0 },
  { code: 'tx-wb', seg: 'wb', kind: 'institution', parent: 'tx', zh: '同心县未成年人救助保护中心', en: 'Tongxin County Minors Protection Centre', kids: 60 },
  { code: 'tx-yh', seg: 'yh', kind: 'township', parent: 'tx', zh: '豫海镇未成年人救助保护站', en: 'Yuhai Town Minors Protection Station', kids: 100 },
  { code: 'tx-yh-et', seg: 'et', kind: 'institution', parent: 'tx-yh', zh: '豫海镇儿童之家', en: "Yuhai Town Children's Home", kids: 90 },
];

export const COUNTIES = ['lt', 'hsb', 'qtx', 'yc', 'tx'] as const;
export type County = (typeof COUNTIES)[number];

const HANDOVER_NOTE =
  '请于工作日 9:00–12:00、14:30–17:30 将礼物送至一楼接待室,报您的姓名和心愿标题,由值班工作人员登记签收并转交;请勿直接交给孩子。';
const HANDOVER_NOTE_HOME =
  '请于工作日 9:00–11:30、14:30–17:30 送至福利院门卫室旁的接待室,报您的姓名和心愿标题,由值班社工签收。为保护孩子隐私,礼物由工作人员转交,请勿拍摄孩子。';

export function buildSites(b: DemoBuilder): void {
  const createdAt = sh(2024, 1, 2, 9);
  SITE_DEFS.forEach((def, i) => {
    const parent = def.parent ? b.site(def.parent) : null;
    const path = `${parent ? parent.path : '/'}${def.seg}/`;
    const hosts = def.kind === 'institution' || def.kind === 'township';
    let address: string | null = null;
    if (hosts) {
      const county = SITE_DEFS.find((d) => d.code === countyCodeOfDef(def))!;
      const townDef = def.kind === 'township' ? def : SITE_DEFS.find((d) => d.code === def.parent && d.kind === 'township');
      const town = townDef ? townDef.zh.replace(/未成年人.*$/, '') : '';
      const street = N.INSTITUTION_STREETS[i % N.INSTITUTION_STREETS.length];
      const prefix = county.code === 'qtx' ? '青铜峡市' : `吴忠市${county.zh}`;
      address = `${prefix}${town}${street}${8 + ((i * 37) % 180)}号`;
    }
    const row = {
      id: b.id(),
      code: def.code,
      kind: def.kind,
      parentId: parent ? parent.id : null,
      path,
      nameZh: def.zh,
      nameEn: def.en,
      wishValueCapFen: 30000,
      address,
      handoverNote: hosts ? (def.code === 'wz-fly' ? HANDOVER_NOTE_HOME : HANDOVER_NOTE) : null,
      // The caring parents' contact at the welfare home (their pairing page shows it).
      contactName: def.code === 'wz-fly' ? '马老师(社工部)' : null,
      contactPhone: def.code === 'wz-fly' ? '0953-2012345' : null,
      personInCharge: def.code === 'wz-fly' ? '杨秀兰(院长)' : null,
      createdAt,
    };
    b.sites.push(row);
    b.siteByCode.set(def.code, row);
    b.siteCodeById.set(row.id, def.code);
  });
}

function countyCodeOfDef(def: SiteDef): string {
  let d: SiteDef | undefined = def;
  while (d && d.kind !== 'county') d = SITE_DEFS.find((x) => x.code === d!.parent);
  return d ? d.code : 'lt';
}
