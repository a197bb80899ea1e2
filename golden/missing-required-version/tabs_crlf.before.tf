terraform {
	backend "local" {}
}
