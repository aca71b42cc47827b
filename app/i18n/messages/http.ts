// The plain pages the server answers before a request reaches a page: refused methods, bodies, origins.
export const http = {
  'zh-CN': {
    'http.bad_request.title': '请求无法处理',
    'http.bad_request.body': '这个请求的格式不正确,无法处理。请回到页面,用页面上的表单重新提交。',
    'http.too_large.title': '提交的内容太多',
    'http.too_large.body': '提交的内容超出了允许的大小。请缩短填写的文字后重新提交。',
    'http.unsupported.title': '无法处理这种提交格式',
    'http.unsupported.body': '只接受网页表单的提交。请回到页面,用页面上的表单重新提交。',
    'http.method.title': '不支持这种请求方式',
    'http.method.body': '这个地址只接受打开页面(GET、HEAD)和提交表单(POST)。',
    'http.cross_site.title': '跨站请求已拒绝',
    'http.cross_site.body': '这个表单是从其他网站发来的,为了保护您的账号,已经拒绝。请直接在本站页面上操作。',
  },
  en: {
    'http.bad_request.title': 'Bad request',
    'http.bad_request.body': 'This request is malformed and cannot be handled. Please go back and send the form on the page again.',
    'http.too_large.title': 'Too much to send',
    'http.too_large.body': 'What you sent is larger than allowed. Please shorten the text and send it again.',
    'http.unsupported.title': 'This kind of submission is not accepted',
    'http.unsupported.body': 'Only the forms of these pages are accepted. Please go back and send the form on the page again.',
    'http.method.title': 'Method not allowed',
    'http.method.body': 'This address only opens pages (GET, HEAD) and takes forms (POST).',
    'http.cross_site.title': 'Cross-site request refused',
    'http.cross_site.body': 'This form was sent from another site and was refused to protect your account. Please use the pages of this site.',
  },
};
