x = provider::acme::double(2)
