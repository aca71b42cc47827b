// Passwords people choose most often, which a guesser tries first. Only entries of 8 characters or
// more are listed (shorter ones are refused by length anyway). Sources: the most common passwords of
// public breach studies (SecLists' 10-million list and its Chinese top 1000), common bases with the
// suffixes people add to them, and every birth date YYYYMMDD from 1950 to 2025 (generated below).
// Compared case-insensitively.

const LISTED: readonly string[] = [
  '0.123456', '00000000', '000000000', '0000000000', '01011980', '01230123', '0123456789', '0123456789a', '0987654321',
  '100200300', '10101010', '1029384756', '110110110', '110119120', '110120119', '110120130', '11111111', '111111111',
  '1111111111', '11111111a', '11112222', '111222333', '11223344', '1122334455', '112233445566', '11235813',
  '1123581321', '12121212', '12301230', '12312300', '123123123', '123123123123', '123123456', '123123aa', '123123qq',
  '1231512315', '1232323q', '12332100', '123321123', '1233211234567', '12341234', '12344321', '1234554321', '123456..',
  '123456.0', '12345600', '123456000', '123456123', '123456123456', '123456654321', '12345678', '123456789',
  '123456789!', '123456789.', '1234567890', '12345678900', '1234567890123', '1234567890a', '1234567891', '12345678910',
  '12345678910a', '123456789123', '1234567899', '123456789a', '123456789abc', '123456789q', '123456789qq',
  '123456789z', '12345678a', '12345678abc', '12345678q', '12345679', '1234567a', '1234567q', '123456987', '123456aa',
  '123456aaa', '123456ab', '123456abc', '123456as', '123456asd', '123456ok', '123456qaz', '123456qq', '123456qwe',
  '123456zxc', '12345qwert', '1234abcd', '1234qwer', '123654789', '12369874', '123698741', '123698745', '123789456',
  '123qwe123', '123qweasd', '12qwaszx', '13141314', '13145200', '1314520520', '1314520a', '134679258', '134679852',
  '135792468', '1357924680', '147258369', '1472583690', '147852369', '14789632', '147896325', '159357456', '167669123',
  '16897168', '16899168', '171204jg', '1887415157', '18n28n24a5', '19491001', '1a2b3c4d', '1hxboqg2s', '1q2w3e4r',
  '1q2w3e4r!', '1q2w3e4r5t', '1qa2ws3ed', '1qaz!qaz', '1qaz1234', '1qaz12345', '1qaz123456', '1qaz1314', '1qaz2020',
  '1qaz2021', '1qaz2022', '1qaz2023', '1qaz2024', '1qaz2025', '1qaz2wsx', '1qaz2wsx3edc', '1qaz@123', '1qaz@wsx',
  '1qazxsw2', '20080808', '20082008', '2008520085', '22222222', '25251325', '25257758', '299792458', '3.1415926',
  '31415926', '3141592653', '3141592654', '321321321', '321654987', '33333333', '34416912', '369258147', '369369369',
  '456456456', '456789123', '4815162342', '51201314', '51392010', '52001314', '52013140', '520131400', '5201314123',
  '52013141314', '5201314520', '52013145201314', '5201314a', '5201314qq', '5201314woaini', '520520520', '5211314521',
  '53231323', '55555555', '584131420', '584131421', '5841314520', '5841314521', '584201314', '584211314', '5845201314',
  '5845211314', '66666666', '66666666a', '69696969', '7215217758991', '74107410', '74108520', '741852963',
  '7708801314520', '77585210', '775852100', '77585211314', '7758521521', '7758521a', '77777777', '789456123',
  '7894561230', '789632145', '789654123', '789789789', '8008208820', '84131421', '85208520', '87654321', '88888888',
  '88888888a', '963258741', '963852741', '9638527410', '987456321', '98765432', '987654321', '9876543210', '99999999',
  '999999999', 'a1234567', 'a12345678', 'a123456789', 'a1234567890', 'a123456a', 'a1314520', 'a1b2c3d4', 'a1s2d3f4',
  'a5201314', 'a7758258', 'a7758521', 'aa123123', 'aa123456', 'aa5201314', 'aaa123456', 'aaaaaaaa', 'abc12345',
  'abc123456', 'abc123456789', 'abcd1234', 'abcd12345', 'abcd123456', 'abcd1314', 'abcd2020', 'abcd2021', 'abcd2022',
  'abcd2023', 'abcd2024', 'abcd2025', 'abcd@123', 'abcdefg1', 'abcdefgh', 'admin123', 'admin1234', 'admin12345',
  'admin123456', 'admin1314', 'admin2020', 'admin2021', 'admin2022', 'admin2023', 'admin2024', 'admin2025', 'admin520',
  'admin521', 'admin666', 'admin888', 'admin@123', 'adminfan', 'administrator', 'aini1234', 'aini12345', 'aini123456',
  'aini1314', 'aini13145', 'aini2020', 'aini2021', 'aini2022', 'aini2023', 'aini2024', 'aini2025', 'aini520520',
  'aini@123', 'airborne', 'alexande', 'alexander', 'alexandr', 'american', 'aptx4869', 'as123456', 'asd123123',
  'asd12345', 'asd123456', 'asdasd123', 'asdasdasd', 'asdf1234', 'asdf12345', 'asdf123456', 'asdf1314', 'asdf2020',
  'asdf2021', 'asdf2022', 'asdf2023', 'asdf2024', 'asdf2025', 'asdf@123', 'asdfasdf', 'asdfghjk', 'asdfghjkl',
  'asdfghjkl1', 'babygirl', 'baidu123', 'baidu1234', 'baseball', 'baseball!', 'baseball1', 'baseball12', 'baseball123',
  'baseball1234', 'baseball12345', 'baseball123456', 'baseball1314', 'baseball2020', 'baseball2021', 'baseball2022',
  'baseball2023', 'baseball2024', 'baseball2025', 'baseball520', 'baseball521', 'baseball666', 'baseball888',
  'baseball@123', 'beijing123', 'beijing2008', 'benjamin', 'bigdaddy', 'blink182', 'brittany', 'brooklyn', 'budlight',
  'bugaosuni', 'bulldogs', 'butterfly', 'buzhidao', 'caonima123', 'carolina', 'caroline', 'champion', 'changeme',
  'chen1234', 'chen12345', 'chen123456', 'chen1314', 'chen2020', 'chen2021', 'chen2022', 'chen2023', 'chen2024',
  'chen2025', 'chen@123', 'chenchen', 'chenjian', 'cherokee', 'chevelle', 'china123', 'china1234', 'china12345',
  'china123456', 'china1314', 'china2020', 'china2021', 'china2022', 'china2023', 'china2024', 'china2025', 'china520',
  'china521', 'china666', 'china888', 'china@123', 'chocolate', 'christin', 'cocacola', 'colorado', 'computer',
  'corvette', 'courtney', 'danielle', 'darkness', 'darkside', 'dolphins', 'dongdong', 'dragon12', 'dragon123',
  'dragon1234', 'dragon12345', 'dragon123456', 'dragon1314', 'dragon2020', 'dragon2021', 'dragon2022', 'dragon2023',
  'dragon2024', 'dragon2025', 'dragon520', 'dragon521', 'dragon666', 'dragon888', 'dragon@123', 'drowssap', 'einstein',
  'electric', 'elephant', 'elizabet', 'explorer', 'fktrcfylh', 'football', 'football!', 'football1', 'football12',
  'football123', 'football1234', 'football12345', 'football123456', 'football1314', 'football2020', 'football2021',
  'football2022', 'football2023', 'football2024', 'football2025', 'football520', 'football521', 'football666',
  'football888', 'football@123', 'franklin', 'freepass', 'freeuser', 'godzilla', 'goodluck', 'hao123456', 'hardcore',
  'hello123', 'hello1234', 'hello12345', 'hello123456', 'hello1314', 'hello2020', 'hello2021', 'hello2022',
  'hello2023', 'hello2024', 'hello2025', 'hello520', 'hello521', 'hello666', 'hello888', 'hello@123', 'huang123',
  'huang1234', 'huang12345', 'huang123456', 'huang1314', 'huang2020', 'huang2021', 'huang2022', 'huang2023',
  'huang2024', 'huang2025', 'huang520', 'huang521', 'huang666', 'huang888', 'huang@123', 'huangwei', 'huanhuan',
  'iloveyou', 'iloveyou!', 'iloveyou1', 'iloveyou12', 'iloveyou123', 'iloveyou1234', 'iloveyou12345', 'iloveyou123456',
  'iloveyou1314', 'iloveyou2', 'iloveyou2020', 'iloveyou2021', 'iloveyou2022', 'iloveyou2023', 'iloveyou2024',
  'iloveyou2025', 'iloveyou520', 'iloveyou521', 'iloveyou666', 'iloveyou888', 'iloveyou@123', 'imissyou', 'infinity',
  'internet', 'jennifer', 'jiang123', 'jianjian', 'jiaojiao', 'jingjing', 'jiushiaini', 'jonathan', 'jordan23',
  'juventus', 'kawasaki', 'kimberly', 'kristina', 'lacrosse', 'laopo520', 'laopo521', 'lasvegas', 'letmein!',
  'letmein1', 'letmein12', 'letmein123', 'letmein1234', 'letmein12345', 'letmein123456', 'letmein1314', 'letmein2020',
  'letmein2021', 'letmein2022', 'letmein2023', 'letmein2024', 'letmein2025', 'letmein520', 'letmein521', 'letmein666',
  'letmein888', 'letmein@123', 'li123456', 'liangliang', 'lifehack', 'lingling', 'liu12345', 'liu123456',
  'liu13632523350', 'liverpoo', 'liverpool', 'logitech', 'longlong', 'love1234', 'love12345', 'love123456', 'love1314',
  'love2020', 'love2021', 'love2022', 'love2023', 'love2024', 'love2025', 'love@123', 'lovelove', 'loverboy',
  'marlboro', 'marshall', 'maryjane', 'master12', 'master123', 'master1234', 'master12345', 'master123456',
  'master1314', 'master2020', 'master2021', 'master2022', 'master2023', 'master2024', 'master2025', 'master520',
  'master521', 'master666', 'master888', 'master@123', 'maverick', 'meiyoumima', 'menghuan', 'mengmeng', 'mercedes',
  'metallica', 'miaomiao', 'michael!', 'michael1', 'michael12', 'michael123', 'michael1234', 'michael12345',
  'michael123456', 'michael1314', 'michael2020', 'michael2021', 'michael2022', 'michael2023', 'michael2024',
  'michael2025', 'michael520', 'michael521', 'michael666', 'michael888', 'michael@123', 'michelle', 'michigan',
  'midnight', 'mima1234', 'mima123456', 'mimamima', 'minecraft', 'mingming', 'mitchell', 'monkey12', 'monkey123',
  'monkey1234', 'monkey12345', 'monkey123456', 'monkey1314', 'monkey2020', 'monkey2021', 'monkey2022', 'monkey2023',
  'monkey2024', 'monkey2025', 'monkey520', 'monkey521', 'monkey666', 'monkey888', 'monkey@123', 'motorola', 'mountain',
  'ncc1701d', 'nicholas', 'nihao123', 'nihao1234', 'nintendo', 'nishishui', 'nishiwode', 'nishizhu', 'november',
  'nuttertools', 'operation', 'p@ssw0rd', 'p@ssword', 'pa55word', 'pakistan', 'panthers', 'paradise', 'passport',
  'passw0rd', 'passw0rd1', 'password', 'password!', 'password1', 'password12', 'password123', 'password1234',
  'password12345', 'password123456', 'password1314', 'password2020', 'password2021', 'password2022', 'password2023',
  'password2024', 'password2025', 'password520', 'password521', 'password666', 'password888', 'password@123',
  'patricia', 'patriots', 'peekaboo', 'platinum', 'poohbear', 'predator', 'princess', 'princess!', 'princess1',
  'princess12', 'princess123', 'princess1234', 'princess12345', 'princess123456', 'princess1314', 'princess2020',
  'princess2021', 'princess2022', 'princess2023', 'princess2024', 'princess2025', 'princess520', 'princess521',
  'princess666', 'princess888', 'princess@123', 'q123456789', 'q1w2e3r4', 'q1w2e3r4t5', 'q1w2e3r4t5y6', 'q5201314',
  'qaz123456', 'qazwsx123', 'qazwsxedc', 'qazwsxedcrfv', 'qianqian', 'qq000000', 'qq111111', 'qq123456', 'qq123456789',
  'qq1314520', 'qq5201314', 'qqqqqqqq', 'qw123456', 'qwe12345', 'qwe123456', 'qwe123qwe', 'qweasd123', 'qweasdzxc',
  'qweqweqwe', 'qwer1234', 'qwer12345', 'qwer123456', 'qwer1314', 'qwer2020', 'qwer2021', 'qwer2022', 'qwer2023',
  'qwer2024', 'qwer2025', 'qwer@123', 'qwerasdf', 'qwert12345', 'qwerty12', 'qwerty123', 'qwerty1234', 'qwerty12345',
  'qwerty123456', 'qwerty1314', 'qwerty2020', 'qwerty2021', 'qwerty2022', 'qwerty2023', 'qwerty2024', 'qwerty2025',
  'qwerty520', 'qwerty521', 'qwerty666', 'qwerty888', 'qwerty@123', 'qwertyui', 'qwertyuiop', 'qwertyuiop1',
  'qwertyuiop123', 'rolltide', 'rush2112', 'samantha', 'scarface', 'scorpion', 'scotland', 'secret123', 'security',
  'semperfi', 'shadow12', 'shadow123', 'shadow1234', 'shadow12345', 'shadow123456', 'shadow1314', 'shadow2020',
  'shadow2021', 'shadow2022', 'shadow2023', 'shadow2024', 'shadow2025', 'shadow520', 'shadow521', 'shadow666',
  'shadow888', 'shadow@123', 'shanghai', 'shanghai123', 'shangxin', 'shanshan', 'simpsons', 'slipknot', 'snickers',
  'snowball', 'softball', 'spiderma', 'spiderman', 'spitfire', 'stargate', 'starwars', 'steelers', 'sunliu66',
  'sunshine', 'sunshine!', 'sunshine1', 'sunshine12', 'sunshine123', 'sunshine1234', 'sunshine12345', 'sunshine123456',
  'sunshine1314', 'sunshine2020', 'sunshine2021', 'sunshine2022', 'sunshine2023', 'sunshine2024', 'sunshine2025',
  'sunshine520', 'sunshine521', 'sunshine666', 'sunshine888', 'sunshine@123', 'superman', 'superman!', 'superman1',
  'superman12', 'superman123', 'superman1234', 'superman12345', 'superman123456', 'superman1314', 'superman2020',
  'superman2021', 'superman2022', 'superman2023', 'superman2024', 'superman2025', 'superman520', 'superman521',
  'superman666', 'superman888', 'superman@123', 'swordfis', 'taobao123', 'test1234', 'test12345', 'test123456',
  'test1314', 'test2020', 'test2021', 'test2022', 'test2023', 'test2024', 'test2025', 'test@123', 'tiantian',
  'tingting', 'trustno1', 'trustno1!', 'user1234', 'user12345', 'user123456', 'user1314', 'user2020', 'user2021',
  'user2022', 'user2023', 'user2024', 'user2025', 'user@123', 'valentin', 'veronica', 'victoria', 'virginia',
  'vladimir', 'w123456789', 'wang1234', 'wang12345', 'wang123456', 'wang1314', 'wang2020', 'wang2021', 'wang2022',
  'wang2023', 'wang2024', 'wang2025', 'wang@123', 'wangchao', 'wangfeng', 'wanggang', 'wangjian', 'wangjing',
  'wangliang', 'wangqiang', 'wangshuai', 'wangyang', 'wangyut2', 'wechat123', 'weixin123', 'welcome!', 'welcome1',
  'welcome12', 'welcome123', 'welcome1234', 'welcome12345', 'welcome123456', 'welcome1314', 'welcome2020',
  'welcome2021', 'welcome2022', 'welcome2023', 'welcome2024', 'welcome2025', 'welcome520', 'welcome521', 'welcome666',
  'welcome888', 'welcome@123', 'westside', 'whatever', 'wildcats', 'williams', 'wishbridge', 'wmsxie123', 'wo123456',
  'woailaopo', 'woaimama', 'woaini12', 'woaini123', 'woaini1234', 'woaini12345', 'woaini123456', 'woaini1314',
  'woaini2020', 'woaini2021', 'woaini2022', 'woaini2023', 'woaini2024', 'woaini2025', 'woaini520', 'woaini5201314',
  'woaini521', 'woaini666', 'woaini888', 'woaini@123', 'woainima', 'woainimama', 'woaiwojia', 'woaiwojia520',
  'woaiwoziji', 'wobuzhidao', 'wocaonima', 'wodemima', 'wodemima123', 'wodezuiai', 'wojiushiwo', 'wokaonima',
  'wolfpack', 'wolverin', 'worinima', 'woshiniba', 'woshinidie', 'woshishei', 'woshishen', 'woshishui', 'woshizhu',
  'woxiangni', 'wozhiaini', 'ww123456', 'www123456', 'wz112233', 'xiaofeng', 'xiaojian', 'xiaolong', 'xiaoming',
  'xiaoqiang', 'xiaoxiao', 'xiazhili', 'xingxing', 'xinyuanqiao', 'xxxxxxxx', 'yang1234', 'yang12345', 'yang123456',
  'yang1314', 'yang2020', 'yang2021', 'yang2022', 'yang2023', 'yang2024', 'yang2025', 'yang@123', 'yangjian',
  'yangyang', 'yingying', 'yuanyuan', 'z123456789', 'zaq12wsx', 'zaq1xsw2', 'zhang123', 'zhang1234', 'zhang12345',
  'zhang123456', 'zhang1314', 'zhang2020', 'zhang2021', 'zhang2022', 'zhang2023', 'zhang2024', 'zhang2025', 'zhang520',
  'zhang521', 'zhang666', 'zhang888', 'zhang@123', 'zhangbin', 'zhangchao', 'zhanghao', 'zhanghui', 'zhangjian',
  'zhangjie', 'zhangjing', 'zhangjun', 'zhangkai', 'zhanglei', 'zhangliang', 'zhangpeng', 'zhangqiang', 'zhangtao',
  'zhangxin', 'zhangyan', 'zhangyang', 'zhao1234', 'zhao12345', 'zhao123456', 'zhao1314', 'zhao2020', 'zhao2021',
  'zhao2022', 'zhao2023', 'zhao2024', 'zhao2025', 'zhao@123', 'zhendeaini', 'zhimakaimen', 'zhongguo', 'zhongguo123',
  'zlmalm03', 'zx123456', 'zxc12345', 'zxc123456', 'zxcv1234', 'zxcv12345', 'zxcv123456', 'zxcv1314', 'zxcv2020',
  'zxcv2021', 'zxcv2022', 'zxcv2023', 'zxcv2024', 'zxcv2025', 'zxcv@123', 'zxcvbnm1', 'zxcvbnm12', 'zxcvbnm123',
  'zz123456',
];

function birthDates(fromYear: number, toYear: number): string[] {
  const dates: string[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    for (let month = 1; month <= 12; month++) {
      const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
      for (let day = 1; day <= days; day++) {
        dates.push(`${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`);
      }
    }
  }
  return dates;
}

const COMMON = new Set<string>([...LISTED, ...birthDates(1950, 2025)]);

/** Whether the password is on the list, or is only the user's own email address or its name part. */
export function isCommonPassword(password: string, email?: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return true;
  if (email) {
    const address = email.toLowerCase();
    if (lower === address || lower === address.split('@')[0]) return true;
  }
  return false;
}

export const COMMON_PASSWORD_COUNT = LISTED.length;
