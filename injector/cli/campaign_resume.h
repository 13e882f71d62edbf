// campaign_resume.h — the options of `campaign --resume`: those stored with
// the campaign it continues (injector/campaign/resume.h), with the run
// options given again (--duration, --jobs, --timeout, --cases-dir, and the
// current build's --kernel/--plugin) taking over.
// Errors: a flag that decides what the campaign computes (the keys of
// kBindingOptions), given with a value other than the stored one, is a
// one-line InputError (exit 2) naming the flag and both values. A campaign
// begun before options were stored resumes with the flags as given.
#pragma once
#include <CLI/CLI.hpp>

#include "injector/cli/campaign_flags.h"

namespace sc::cli {

campaign::CampaignOptions resume_options(const CLI::App& cmd, const CampaignFlags& f, const EnumerationFlags& e,
                                         const tier::TierSpec& t);

}  // namespace sc::cli
