locals {
	ports = {
		https = 443
		http  = 8080
	}
}
