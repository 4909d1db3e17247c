#include "modules/requests/demo/profiles.hpp"

namespace gz::requests::demo {
namespace {

constexpr Weighted kByProperty[] = {{"property_management", 1}};
constexpr Weighted kByGuide[] = {{"guide", 1}};
constexpr Weighted kOutageHandlers[] = {{"property_management", 4}, {"municipal", 1}};
constexpr Weighted kSafetyHandlers[] = {
    {"guide", 4}, {"property_management", 4}, {"grid_station", 2}};
constexpr Weighted kLeakHandlers[] = {{"property_management", 14}, {"housing", 3}, {"guide", 3}};
constexpr Weighted kSanitationHandlers[] = {
    {"sanitation", 4}, {"property_management", 4}, {"guide", 2}};
constexpr Weighted kFacilityHandlers[] = {
    {"property_management", 14}, {"municipal", 3}, {"guide", 3}};
constexpr Weighted kParkingHandlers[] = {
    {"property_management", 5}, {"grid_station", 2}, {"guide", 3}};
constexpr Weighted kNoiseHandlers[] = {
    {"guide", 6}, {"grid_station", 3}, {"property_management", 1}};
constexpr Weighted kDisputeHandlers[] = {{"guide", 8}, {"grid_station", 2}};
constexpr Weighted kPropertyHandlers[] = {{"guide", 4}, {"property_management", 6}};
constexpr Weighted kGreeningHandlers[] = {{"property_management", 6}, {"municipal", 4}};
constexpr Weighted kElderlyHandlers[] = {{"guide", 6}, {"civil_affairs", 4}};
constexpr Weighted kOtherHandlers[] = {
    {"guide", 5}, {"property_management", 3}, {"grid_station", 2}};

using Season = std::array<int, 12>;
constexpr Season kFlat = {100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100};

// Shares per mille: sanitation, public facilities, parking, noise and leaks are common, the
// red categories rare. Seasons: heating in winter, leaks in the plum rains (June–July) and
// typhoons, noise and power cuts in the summer, greening in spring.
constexpr Profile kProfiles[] = {
    {"gas_leak",
     3,
     {130, 120, 100, 90, 80, 80, 80, 80, 90, 100, 110, 130},
     kByProperty,
     true,
     false,
     20,
     0,
     360},
    {"water_outage",
     9,
     {130, 90, 90, 90, 90, 110, 130, 130, 100, 90, 90, 110},
     kOutageHandlers,
     true,
     false,
     35,
     0,
     900},
    {"power_outage",
     10,
     {80, 70, 60, 60, 80, 140, 200, 200, 110, 70, 60, 80},
     kOutageHandlers,
     true,
     false,
     35,
     40,
     480},
    {"elderly_unreachable",
     4,
     {150, 120, 90, 80, 80, 90, 140, 150, 90, 80, 90, 120},
     kByGuide,
     true,
     false,
     0,
     0,
     180},
    {"safety_hazard",
     22,
     {120, 120, 90, 90, 90, 100, 130, 140, 120, 90, 90, 120},
     kSafetyHandlers,
     false,
     false,
     4},
    {"water_leak",
     95,
     {60, 60, 80, 90, 120, 250, 200, 140, 130, 80, 60, 60},
     kLeakHandlers,
     false,
     false,
     2,
     12},
    {"elevator", 45, kFlat, kByProperty, false, false, 12},
    {"heating", 22, {360, 280, 90, 0, 0, 0, 0, 0, 0, 0, 150, 320}, kByProperty, false, false, 4},
    {"sanitation",
     165,
     {90, 100, 90, 90, 100, 120, 130, 130, 110, 90, 80, 80},
     kSanitationHandlers,
     false,
     false,
     4},
    {"public_facility", 140, kFlat, kFacilityHandlers, false, false, 4},
    {"parking",
     118,
     {130, 140, 100, 100, 90, 90, 90, 90, 90, 110, 90, 110},
     kParkingHandlers,
     false,
     false,
     2,
     45},
    {"noise",
     100,
     {60, 60, 80, 90, 110, 140, 170, 170, 120, 90, 80, 60},
     kNoiseHandlers,
     false,
     false,
     2,
     30},
    {"neighbour_dispute", 40, kFlat, kDisputeHandlers, false, false, 0, 20},
    {"property_service", 65, kFlat, kPropertyHandlers, false, false, 0, 20},
    {"greening",
     40,
     {50, 50, 140, 140, 140, 100, 130, 130, 130, 80, 60, 50},
     kGreeningHandlers,
     false,
     false,
     2},
    {"elderly_service",
     40,
     {130, 130, 100, 90, 90, 90, 120, 120, 90, 90, 100, 120},
     kElderlyHandlers},
    {"consultation",
     55,
     {90, 80, 90, 90, 90, 90, 110, 110, 130, 130, 130, 130},
     kByGuide,
     false,
     true,
     0,
     30},
    {"suggestion", 28, kFlat, kByGuide, false, true},
    {"other", 25, kFlat, kOtherHandlers},
};

}  // namespace

std::span<const Profile> profiles() {
  return kProfiles;
}

}  // namespace gz::requests::demo
