from tests.leak_world import world  # noqa: F401 - the leak tests' fixture, shared by their modules
