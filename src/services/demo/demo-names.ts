// Raw material for demo people. Given names are unique across both lists, so every
// surname + given name pair is unique whatever surname it gets.

/** The most common surnames in mainland China, most frequent first. */
export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡',
  '郭', '何', '林', '高', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹',
];

export const MALE_GIVEN_NAMES = [
  '志强', '伟', '磊', '浩然', '子轩', '俊杰', '宇航', '文博', '明轩', '晓东', '海涛', '国栋',
  '立新', '振华', '鹏飞', '嘉豪', '思远', '天佑', '旭东', '永刚', '建军', '博文', '一鸣', '泽宇',
  '皓轩', '志明', '家豪', '晨阳', '宏伟', '德胜', '子墨', '承志', '铭哲', '亦凡', '少华', '建国',
];

export const FEMALE_GIVEN_NAMES = [
  '秀英', '丽娟', '静怡', '欣怡', '梓涵', '雨萱', '佳琪', '思琪', '晓燕', '美玲', '婷婷', '慧敏',
  '雅琴', '诗涵', '可馨', '子涵', '梦瑶', '晓丽', '春梅', '玉兰', '桂芳', '淑华', '若曦', '语嫣',
  '心怡', '一诺', '芷若', '紫萱', '佳怡', '思雨', '海燕', '丹丹', '文静', '颖', '琳', '倩',
];

/**
 * Real county-level codes (GB/T 2260) for the first six digits of an ID number. They name the
 * place of household registration, which has nothing to do with where someone works.
 */
export const REGION_CODES = [
  '110105', // 北京市朝阳区
  '310115', // 上海市浦东新区
  '440305', // 深圳市南山区
  '330106', // 杭州市西湖区
  '510107', // 成都市武侯区
  '420106', // 武汉市武昌区
  '320102', // 南京市玄武区
  '370202', // 青岛市市南区
  '430104', // 长沙市岳麓区
  '610113', // 西安市雁塔区
  '350203', // 厦门市思明区
  '500103', // 重庆市渝中区
  '310104', // 上海市徐汇区
];

/** Mobile prefixes of the three carriers, all accepted by normalizeMobile. */
export const MOBILE_PREFIXES = ['138', '139', '186', '135', '150', '177', '188', '133', '158', '189'];
