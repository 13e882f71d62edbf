// uuid.h — identities of result rows across databases (campaigns, detect
// runs): merge matches rows by them, so two rows made apart never share one.
//
// Interface: new_uuid() is a random RFC 4122 version 4 uuid, lower-case hex
// "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".
#pragma once
#include <string>

namespace sc::results {

std::string new_uuid();

}  // namespace sc::results
