// Features, candidate terms and BM25 ranking for the assistant; see retrieval.hpp.
#include "modules/assistant/retrieval.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace gz::assistant {
namespace {

// Decodes UTF-8 into code points; invalid bytes are skipped.
std::vector<char32_t> decode(std::string_view text) {
  std::vector<char32_t> out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    int length = byte < 0x80           ? 1
                 : (byte >> 5) == 0x6  ? 2
                 : (byte >> 4) == 0xE  ? 3
                 : (byte >> 3) == 0x1E ? 4
                                       : 0;
    if (length == 0 || i + length > text.size()) {
      ++i;
      continue;
    }
    char32_t code = length == 1   ? byte
                    : length == 2 ? (byte & 0x1F)
                    : length == 3 ? (byte & 0x0F)
                                  : (byte & 0x07);
    bool valid = true;
    for (int k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) {
        valid = false;
        break;
      }
      code = (code << 6) | (next & 0x3F);
    }
    if (!valid) {
      ++i;
      continue;
    }
    i += length;
    out.push_back(code);
  }
  return out;
}

void encode(char32_t code, std::string& out) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

std::string encode(const std::vector<char32_t>& codes, std::size_t from, std::size_t count) {
  std::string out;
  for (std::size_t i = from; i < from + count; ++i) encode(codes[i], out);
  return out;
}

char32_t fold(char32_t code) {
  if (code >= 0xFF01 && code <= 0xFF5E) code -= 0xFEE0;  // full-width ASCII
  if (code == 0x3000) code = ' ';                        // ideographic space
  if (code >= 'A' && code <= 'Z') code += 'a' - 'A';
  return code;
}

bool is_cjk(char32_t code) {
  return (code >= 0x4E00 && code <= 0x9FFF) || (code >= 0x3400 && code <= 0x4DBF) ||
         (code >= 0xF900 && code <= 0xFAFF) || (code >= 0x20000 && code <= 0x2FA1F);
}

bool is_word(char32_t code) {
  return (code >= 'a' && code <= 'z') || (code >= '0' && code <= '9');
}

// Function characters: particles, pronouns and question words. They split runs, so
// "垃圾什么时候收" gives the runs 垃圾 and 时候收, not bigrams such as 圾什 or 么时.
const std::set<char32_t>& function_characters() {
  static const std::set<char32_t> set = [] {
    std::set<char32_t> out;
    for (char32_t code : decode("的了吗呢吧啊呀嘛么我你您他她它们啥咋怎什哪谁是和或及把被给想要能很"
                                "太也都又有呗哦嗯这那")) {
      out.insert(code);
    }
    return out;
  }();
  return set;
}

// Bigrams that only make a sentence a question.
const std::set<std::string>& stop_bigrams() {
  static const std::set<std::string> set{"时候", "如何", "请问", "可以", "一下", "是否", "能否",
                                         "有没", "没有", "多少", "为何", "为啥", "几点", "需要",
                                         "应该", "知道", "告诉", "小区", "社区", "现在", "要求",
                                         "家里", "一个", "好像", "一直", "最近"};
  return set;
}

const std::set<std::string>& stop_words() {
  static const std::set<std::string> set{"the",  "a",    "an",    "is",  "are",  "to", "of", "how",
                                         "what", "when", "where", "do",  "does", "i",  "my", "can",
                                         "in",   "on",   "for",   "and", "or",   "it"};
  return set;
}

// Calls emit(surface, first, count) for each feature of the text's own tokens (no concepts),
// with the code points it covers.
template <typename Emit>
void tokens(const std::vector<char32_t>& codes, Emit emit) {
  const auto& functions = function_characters();
  std::size_t i = 0;
  while (i < codes.size()) {
    char32_t code = codes[i];
    if (is_cjk(code) && !functions.count(code)) {
      std::size_t end = i;
      while (end < codes.size() && is_cjk(codes[end]) && !functions.count(codes[end])) ++end;
      std::size_t length = end - i;
      if (length == 1) {
        emit(encode(codes, i, 1), i, 1);
      } else {
        for (std::size_t k = i; k + 1 < end; ++k) {
          auto bigram = encode(codes, k, 2);
          if (!stop_bigrams().count(bigram)) emit(bigram, k, 2);
        }
      }
      i = end;
    } else if (is_word(code)) {
      std::size_t end = i;
      while (end < codes.size() && is_word(codes[end])) ++end;
      auto word = encode(codes, i, end - i);
      if (!stop_words().count(word)) emit(word, i, end - i);
      i = end;
    } else {
      ++i;
    }
  }
}

std::vector<std::size_t> groups_present(const std::string& normalized,
                                        const std::vector<SynonymGroup>& groups) {
  std::vector<std::size_t> out;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (const auto& term : groups[g]) {
      auto needle = normalize(term);
      if (!needle.empty() && normalized.find(needle) != std::string::npos) {
        out.push_back(g);
        break;
      }
    }
  }
  return out;
}

// Groups that say what kind of answer is wanted (when, where, how to apply, whom to call)
// rather than what it is about. "护照在哪里办" shares 在哪里 and 办 with many entries but
// no topic: intents weigh single, and an entry matching intents only is no answer.
bool is_intent(const SynonymGroup& group) {
  static const std::set<std::string> intents{"时间", "在哪", "申请", "维修", "电话",
                                             "材料", "参加", "缴纳", "租"};
  return intents.count(group.front()) > 0;
}

std::string concept_name(const SynonymGroup& group) {
  return (is_intent(group) ? "?" : "~") + normalize(group.front());
}

}  // namespace

std::string normalize(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t code : decode(text)) encode(fold(code), out);
  return out;
}

std::map<std::string, int> features(std::string_view text,
                                    const std::vector<SynonymGroup>& groups) {
  std::map<std::string, int> out;
  auto normalized = normalize(text);
  tokens(decode(normalized),
         [&](const std::string& token, std::size_t, std::size_t) { ++out[token]; });
  for (std::size_t g : groups_present(normalized, groups)) ++out[concept_name(groups[g])];
  return out;
}

std::map<std::string, int> question_features(std::string_view text,
                                             const std::vector<SynonymGroup>& groups) {
  std::map<std::string, int> out;
  auto normalized = normalize(text);
  auto codes = decode(normalized);
  std::vector<bool> covered(codes.size(), false);
  for (const auto& group : groups) {
    bool present = false;
    for (const auto& term : group) {
      auto needle = decode(normalize(term));
      if (needle.empty() || needle.size() > codes.size()) continue;
      for (std::size_t at = 0; at + needle.size() <= codes.size(); ++at) {
        if (!std::equal(needle.begin(), needle.end(), codes.begin() + static_cast<long>(at))) {
          continue;
        }
        present = true;
        std::fill(covered.begin() + static_cast<long>(at),
                  covered.begin() + static_cast<long>(at + needle.size()), true);
      }
    }
    if (present) out[concept_name(group)] = 1;
  }
  tokens(codes, [&](const std::string& token, std::size_t first, std::size_t count) {
    for (std::size_t i = first; i < first + count; ++i) {
      if (covered[i]) return;
    }
    out[token] = 1;
  });
  return out;
}

std::vector<std::string> search_terms(std::string_view question,
                                      const std::vector<SynonymGroup>& groups) {
  std::set<std::string> terms;
  auto normalized = normalize(question);
  tokens(decode(normalized),
         [&](const std::string& token, std::size_t, std::size_t) { terms.insert(token); });
  for (std::size_t g : groups_present(normalized, groups)) {
    for (const auto& term : groups[g]) {
      auto needle = normalize(term);
      if (!needle.empty()) terms.insert(needle);
    }
  }
  return {terms.begin(), terms.end()};
}

std::string fts5_match_expression(const std::vector<std::string>& terms) {
  std::set<std::string> phrases;
  for (const auto& term : terms) {
    if (decode(term).size() >= 3) phrases.insert(term);
  }
  std::string out;
  for (const auto& phrase : phrases) {
    if (!out.empty()) out += " OR ";
    out += '"';
    for (char c : phrase) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out;
}

std::string like_pattern(std::string_view term) {
  std::string out = "%";
  for (char c : term) {
    if (c == '\\' || c == '%' || c == '_') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

std::string search_text(const Document& document) {
  return normalize(document.question + "\n" + document.keywords + "\n" + document.answer);
}

std::vector<Scored> rank(std::string_view question, const std::vector<Document>& candidates,
                         std::int64_t corpus_size, const std::vector<SynonymGroup>& groups) {
  constexpr double k1 = 1.2, b = 0.75, kTitleWeight = 3.0, kConceptWeight = 2.0;
  auto query = question_features(question, groups);
  struct Weighted {
    std::map<std::string, double> tf;
    double length = 0;
  };
  std::vector<Weighted> docs;
  docs.reserve(candidates.size());
  double total_length = 0;
  std::map<std::string, std::int64_t> document_frequency;
  for (const auto& candidate : candidates) {
    Weighted doc;
    auto add = [&](const std::string& text, double weight) {
      for (const auto& [feature, count] : features(text, groups)) {
        doc.tf[feature] += weight * count;
        doc.length += weight * count;
      }
    };
    add(candidate.question, kTitleWeight);
    add(candidate.keywords, kTitleWeight);
    add(candidate.answer, 1.0);
    total_length += doc.length;
    for (const auto& [feature, _] : query) {
      if (doc.tf.count(feature)) ++document_frequency[feature];
    }
    docs.push_back(std::move(doc));
  }
  double average_length = docs.empty() ? 1.0 : std::max(1.0, total_length / docs.size());
  double corpus = static_cast<double>(std::max<std::int64_t>(corpus_size, candidates.size()));
  std::map<std::string, double> idf;
  double ceiling = 0;
  // A topic concept is what the question means, chosen by people; a bigram is a guess (it
  // may straddle two words, "很重"): topic concepts weigh double, intents ("?…") single.
  for (const auto& [feature, _] : query) {
    double df = static_cast<double>(document_frequency[feature]);
    idf[feature] = std::log(1.0 + (corpus - df + 0.5) / (df + 0.5)) *
                   (feature[0] == '~' ? kConceptWeight : 1.0);
    ceiling += idf[feature] * (k1 + 1);
  }
  std::vector<Scored> out;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const auto& doc = docs[i];
    double score = 0;
    Scored scored{candidates[i].id, 0, {}};
    for (const auto& [feature, _] : query) {
      auto found = doc.tf.find(feature);
      if (found == doc.tf.end()) continue;
      double tf = found->second;
      score += idf[feature] * tf * (k1 + 1) / (tf + k1 * (1 - b + b * doc.length / average_length));
      scored.matched.push_back(feature);
    }
    bool has_topic = std::any_of(scored.matched.begin(), scored.matched.end(),
                                 [](const std::string& feature) { return feature[0] != '?'; });
    if (!has_topic || ceiling <= 0) continue;
    scored.score_bp = std::clamp<std::int64_t>(std::llround(score / ceiling * 10000), 0, 10000);
    out.push_back(std::move(scored));
  }
  std::sort(out.begin(), out.end(), [](const Scored& a, const Scored& b) {
    return a.score_bp != b.score_bp ? a.score_bp > b.score_bp : a.id < b.id;
  });
  return out;
}

const std::vector<SynonymGroup>& default_synonyms() {
  static const std::vector<SynonymGroup> groups{
      {"垃圾", "生活垃圾", "垃圾清运", "倒垃圾", "扔垃圾", "垃圾桶", "厨余", "废品"},
      {"垃圾分类", "分类投放", "干垃圾", "湿垃圾", "可回收物", "有害垃圾"},
      {"时间", "什么时候", "几点", "何时", "时段", "几号", "哪天", "营业时间", "开放时间"},
      {"清运", "收运", "收走", "拉走", "收垃圾"},
      {"停车", "车位", "停车位", "泊车", "停车场", "车库", "停车费"},
      {"物业费", "管理费", "物业管理费", "物业服务费"},
      {"缴纳", "交费", "缴费", "交钱", "付款", "支付", "怎么交", "在哪交"},
      {"电梯", "升降机", "直梯"},
      {"维修", "修理", "报修", "坏了", "故障", "修一下"},
      {"低保", "最低生活保障", "低保户", "低保金"},
      {"养老", "老年人", "老人", "长者", "高龄", "老年"},
      {"食堂", "助餐", "老年餐", "长者饭堂", "吃饭", "餐厅", "午餐", "送餐"},
      {"托育", "托管", "托儿", "幼儿", "看孩子", "带孩子", "暑托", "托班", "没人带", "没人看"},
      {"孩子", "儿童", "小孩", "子女", "小朋友", "学生"},
      {"暑假", "暑期", "放暑假"},
      {"时间银行", "时间币", "互助养老", "存时间"},
      {"积分", "贡献积分", "积分银行", "积分商城"},
      {"兑换", "换取", "能换", "可以换", "换什么", "换东西", "换点"},
      {"公示", "公告", "公开"},
      {"异议", "反对", "意见", "不同意", "提意见", "投诉"},
      {"12345", "市民热线", "政务热线", "热线电话"},
      {"电话", "联系方式", "号码", "怎么联系", "打给谁"},
      {"在哪", "在哪里", "在哪儿", "地址", "位置", "位于", "地点", "去哪"},
      {"租", "租赁", "租用", "出租"},
      {"申请", "办理", "申报", "手续"},
      {"材料", "证件", "证明", "带什么", "准备什么"},
      {"居住证", "暂住证"},
      {"快递", "包裹", "驿站", "取件"},
      {"漏水", "渗水", "滴水", "水管破"},
      {"停水", "没水", "断水"},
      {"停电", "没电", "断电", "跳闸"},
      {"充电", "电动车充电", "充电桩", "电瓶车"},
      {"噪音", "吵", "扰民", "装修声"},
      {"装修", "装潢", "施工", "翻新"},
      {"宠物", "养狗", "狗", "猫", "犬只", "遛狗"},
      {"疫苗", "接种", "打针"},
      {"医保", "医疗保险", "报销"},
      {"社保", "养老保险", "退休金", "养老金"},
      {"残疾", "残疾人", "残疾证", "助残"},
      {"议事", "议事会", "开会", "协商", "议事厅"},
      {"志愿者", "志愿服务", "做志愿"},
      {"参加", "加入", "参与", "报名"},
      {"供暖", "暖气", "取暖", "采暖"},
      {"燃气", "煤气", "天然气"},
  };
  return groups;
}

}  // namespace gz::assistant
